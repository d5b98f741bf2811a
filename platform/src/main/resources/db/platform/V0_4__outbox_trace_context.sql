-- the W3C traceparent of the request or event an outbox row was written in; the relay sends it as the
-- Kafka record header "traceparent" so the consumer continues the trace (null: written outside a trace)
alter table outbox add column trace_parent text;
