package nl.transfertafel.platform.web.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Dates in request bodies must lie in the years 0001-9999: ISO 8601 parsers accept {@code +10000-01-01}
 * and {@code -0001-01-01}, but the event schemas ({@code format: date}), PostgreSQL's text forms and
 * every partner system do not, so such a date got as far as the outbox and failed there with a 500.
 * This Jackson module refuses it while the body is read, as a {@link DateOutOfRange} that names the
 * field (400 problem, rule {@code date-range}); the service's own rules (plausible birth dates,
 * availability windows) then apply to what is left.
 */
public final class PlausibleDates {

    public static final int FIRST_YEAR = 1;
    public static final int LAST_YEAR = 9999;
    public static final String RULE = "date-range";

    private static final Set<Class<?>> DATES = Set.of(LocalDate.class, LocalDateTime.class, OffsetDateTime.class,
            ZonedDateTime.class, Instant.class);

    private PlausibleDates() {
    }

    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("transfertafel-plausible-dates");
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                    BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                return DATES.contains(description.getBeanClass()) ? new InRange(deserializer) : deserializer;
            }
        });
        return module;
    }

    static boolean inRange(Object value) {
        if (!(value instanceof TemporalAccessor temporal)) {
            return true;
        }
        int year = value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC).getYear()
                : temporal.get(ChronoField.YEAR);
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /** A date outside 0001-9999; Jackson adds the JSON path of the field it was read for. */
    public static final class DateOutOfRange extends MismatchedInputException {

        DateOutOfRange(JsonParser parser, Class<?> type) {
            super(parser, "a date must lie in the years 0001-9999", type);
        }
    }

    private static final class InRange extends DelegatingDeserializer {

        InRange(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new InRange(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            Object value = super.deserialize(parser, context);
            if (!inRange(value)) {
                throw new DateOutOfRange(parser, value.getClass());
            }
            return value;
        }
    }
}
