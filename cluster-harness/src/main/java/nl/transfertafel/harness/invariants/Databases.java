package nl.transfertafel.harness.invariants;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a JDBC connection to one service's database, by service name ({@code intake-service}, ...). */
@FunctionalInterface
public interface Databases {

    String INTAKE = "intake-service";
    String CAPACITY = "capacity-service";
    String TRANSFER_TABLE = "transfer-table-service";
    String NOTIFICATION = "notification-service";

    Connection connect(String service) throws SQLException;
}
