package nl.transfertafel.capacity.common.infrastructure;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Short code lists (diagnosis groups, exclusions) are stored as one comma-separated column. */
public final class Lists {

    private Lists() {
    }

    public static String join(Collection<? extends Enum<?>> values) {
        return values == null ? "" : values.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    public static <E extends Enum<E>> List<E> split(String stored, Function<String, E> parse) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split(",")).map(String::trim).map(parse).toList();
    }
}
