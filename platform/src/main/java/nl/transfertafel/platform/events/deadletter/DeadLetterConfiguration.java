package nl.transfertafel.platform.events.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import nl.transfertafel.platform.jobs.PeriodicJob;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import nl.transfertafel.platform.events.KafkaClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.messaging.Message;

/**
 * Finds this service's consumer bindings ({@code spring.cloud.function.definition} and each
 * function's {@code <name>-in-0} destination and group) and wires their dead letters.
 */
@AutoConfiguration
public class DeadLetterConfiguration {

    @Bean(destroyMethod = "close")
    DeadLetters deadLetters(Environment environment, ListableBeanFactory beans, MeterRegistry meters) {
        List<DeadLetters.Binding> bindings = new ArrayList<>();
        Map<String, Consumer<Message<byte[]>>> functions = new LinkedHashMap<>();
        String definition = environment.getProperty("spring.cloud.function.definition", "");
        for (String function : definition.split("[;|]")) {
            String name = function.trim();
            if (name.isEmpty()) {
                continue;
            }
            String prefix = "spring.cloud.stream.bindings." + name + "-in-0.";
            String topic = environment.getProperty(prefix + "destination");
            String group = environment.getProperty(prefix + "group");
            if (topic == null || group == null) {
                continue;
            }
            for (String destination : topic.split(",")) {
                bindings.add(new DeadLetters.Binding(name, destination.trim(), group));
            }
            functions.put(name, messageConsumer(beans, name));
        }
        return new DeadLetters(KafkaClientSettings.of(environment), bindings, functions, meters);
    }

    /** Keeps the gauge {@code transfertafel.events.dead-letters.pending} current without an admin listing them. */
    @Bean
    PeriodicJob deadLetterCount(DeadLetters deadLetters, MeterRegistry meters,
            @Value("${transfertafel.dead-letters.count-interval:60s}") Duration interval) {
        return new PeriodicJob("dead-letter-count", Duration.ofSeconds(5), interval, deadLetters::pending, meters);
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetters deadLetters) {
        return new DeadLetterController(deadLetters);
    }

    @SuppressWarnings("unchecked")
    private static Consumer<Message<byte[]>> messageConsumer(ListableBeanFactory beans, String name) {
        // resolved lazily: the consumer beans are created after this one
        return message -> {
            Object bean = beans.getBean(name);
            if (bean instanceof nl.transfertafel.platform.events.EventConsumers.BatchConsumer batch) {
                batch.acceptOne(message); // a batch binding's consumer, handed one record
                return;
            }
            if (!(bean instanceof Consumer<?>)) {
                throw new IllegalStateException(name + " is not a consumer function");
            }
            ((Consumer<Message<byte[]>>) bean).accept(message);
        };
    }

}
