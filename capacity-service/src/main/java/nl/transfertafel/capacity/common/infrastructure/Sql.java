package nl.transfertafel.capacity.common.infrastructure;

import org.springframework.r2dbc.core.DatabaseClient;

/** Small helpers for the hand-written SQL of this service. */
public final class Sql {

    private Sql() {
    }

    /** Binds a value that may be null (R2DBC needs the type of a null). */
    public static <T> DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, String name,
            T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
