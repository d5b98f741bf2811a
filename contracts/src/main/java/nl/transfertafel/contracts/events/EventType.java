package nl.transfertafel.contracts.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an event payload on the wire: its type (past tense), schema version and topic. The JSON
 * Schema lives at {@code schemas/events/<name>.v<version>.json} in this module.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
    String name();

    int version() default 1;

    String topic();
}
