package nl.transfertafel.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import nl.transfertafel.platform.events.Correlation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Issue 13 item 4: the correlation id of the Reactor context is in the log MDC of the thread the work
 * runs on (what {@code spring.reactor.context-propagation=auto} does in the services), and gone after.
 */
class CorrelationMdcTest {

    @BeforeAll
    static void automaticContextPropagation() {
        CorrelationMdc.register();
        Hooks.enableAutomaticContextPropagation();
    }

    @AfterAll
    static void restore() {
        Hooks.disableAutomaticContextPropagation();
    }

    @Test
    void work_on_another_thread_logs_the_requests_correlation_id() {
        UUID correlation = UUID.randomUUID();

        String logged = Mono.fromCallable(() -> MDC.get(Correlation.MDC_KEY))
                .subscribeOn(Schedulers.boundedElastic())
                .contextWrite(Correlation.with(correlation))
                .block(Duration.ofSeconds(10));

        assertThat(logged).isEqualTo(correlation.toString());
    }

    @Test
    void work_outside_a_request_logs_none() {
        String logged = Mono.fromCallable(() -> String.valueOf(MDC.get(Correlation.MDC_KEY)))
                .subscribeOn(Schedulers.boundedElastic())
                .block(Duration.ofSeconds(10));

        assertThat(logged).isEqualTo("null");
    }
}
