package nl.transfertafel.transfertable.common.infrastructure;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** Small helpers for R2DBC statements with nullable values and enum columns. */
public final class Sql {

    private Sql() {
    }

    public static GenericExecuteSpec bind(GenericExecuteSpec spec, String name, Object value, Class<?> type) {
        if (value == null) {
            return spec.bindNull(name, type);
        }
        if (value instanceof Enum<?> e) {
            return spec.bind(name, e.name());
        }
        return spec.bind(name, value);
    }

    public static GenericExecuteSpec text(GenericExecuteSpec spec, String name, Object value) {
        return bind(spec, name, value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString(), String.class);
    }

    public static GenericExecuteSpec integer(GenericExecuteSpec spec, String name, Integer value) {
        return bind(spec, name, value, Integer.class);
    }

    public static GenericExecuteSpec date(GenericExecuteSpec spec, String name, LocalDate value) {
        return bind(spec, name, value, LocalDate.class);
    }

    public static GenericExecuteSpec instant(GenericExecuteSpec spec, String name, Instant value) {
        return bind(spec, name, value, Instant.class);
    }

    public static Instant instant(Readable row, String column) {
        return row.get(column, Instant.class);
    }

    public static <E extends Enum<E>> E enumOf(Readable row, String column, Class<E> type) {
        String value = row.get(column, String.class);
        return value == null ? null : Enum.valueOf(type, value);
    }

    public static <T> T orElse(T value, T fallback) {
        return value == null ? fallback : value;
    }

}
