package nl.transfertafel.intake.support;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** Small helpers for the R2DBC statements of this service: binding values that may be null, reading enums. */
public final class Sql {

    private Sql() {
    }

    public static <T> GenericExecuteSpec bind(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    public static GenericExecuteSpec bindName(GenericExecuteSpec spec, String name, Enum<?> value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value.name());
    }

    public static <E extends Enum<E>> E enumOf(Readable row, String column, Class<E> type) {
        String value = row.get(column, String.class);
        return value == null ? null : Enum.valueOf(type, value);
    }
}
