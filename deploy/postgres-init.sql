-- One database per service; no service reads another's tables.
create database intake;
create database capacity;
create database transfer_table;
create database notification;
