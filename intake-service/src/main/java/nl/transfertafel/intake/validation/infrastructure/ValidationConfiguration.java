package nl.transfertafel.intake.validation.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import nl.transfertafel.intake.client.infrastructure.PersonalDataRepository;
import nl.transfertafel.intake.validation.application.AnswerLinks;
import nl.transfertafel.intake.validation.application.ValidationAnswers;
import nl.transfertafel.intake.validation.application.ValidationDeadlineJob;
import nl.transfertafel.intake.validation.application.ValidationRounds;
import nl.transfertafel.intake.validation.domain.AttemptLimiter;
import nl.transfertafel.intake.validation.domain.DeadlinePolicy;
import nl.transfertafel.intake.validation.web.LinkAttempts;
import nl.transfertafel.intake.waitinglist.application.EntryChanges;
import nl.transfertafel.platform.audit.AuditLog;
import nl.transfertafel.platform.events.Outbox;
import nl.transfertafel.platform.jobs.ClusterLock;
import nl.transfertafel.platform.jobs.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * "Still waiting?" validation rounds (issue 15 item 1), under {@code transfertafel.intake.validation}:
 * {@code min-deadline-ahead} (default P1D), {@code max-deadline-ahead} (P60D), {@code reminder-period}
 * (P7D), {@code answer-page-url} (where the client's link points), {@code link-attempts-per-token}
 * (10) and {@code link-attempts-per-address} (60) per 15 minutes, and the deadline job's
 * {@code interval} (PT15M) and {@code initial-delay}.
 */
@Configuration(proxyBeanMethods = false)
class ValidationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ValidationConfiguration.class);

    @Bean
    ValidationRepository validationRepository(DatabaseClient db) {
        return new ValidationRepository(db);
    }

    @Bean
    DeadlinePolicy validationDeadlinePolicy(
            @Value("${transfertafel.intake.validation.min-deadline-ahead:P1D}") Duration minimumAhead,
            @Value("${transfertafel.intake.validation.max-deadline-ahead:P60D}") Duration maximumAhead,
            @Value("${transfertafel.intake.validation.reminder-period:P7D}") Duration reminderPeriod) {
        return new DeadlinePolicy(minimumAhead, maximumAhead, reminderPeriod);
    }

    @Bean
    ValidationRounds validationRounds(ValidationRepository rounds, Outbox outbox, TransactionalOperator tx,
            DeadlinePolicy deadlines, MeterRegistry meters, Clock clock) {
        return new ValidationRounds(rounds, outbox, tx, deadlines, meters, clock);
    }

    @Bean
    ValidationAnswers validationAnswers(ValidationRepository questions, EntryChanges changes, Outbox outbox, AuditLog audit, TransactionalOperator tx, MeterRegistry meters,
            Clock clock) {
        return new ValidationAnswers(questions, changes, outbox, audit, tx, meters, clock);
    }

    @Bean
    AnswerLinks answerLinks(ValidationRepository questions, PersonalDataRepository personalData, AuditLog audit,
            TransactionalOperator tx, Clock clock, org.springframework.core.env.Environment environment,
            @Value("${transfertafel.intake.validation.answer-page-url:}") String pageUrl) {
        // not set (local stack, tests): this service's own address, known once the server listens
        return new AnswerLinks(questions, personalData, audit, tx, new SecureRandom(), () -> pageUrl.isBlank()
                ? "http://localhost:" + environment.getProperty("local.server.port", "8081") + "/answer" : pageUrl,
                clock);
    }

    @Bean
    LinkAttempts linkAttempts(Clock clock,
            @Value("${transfertafel.intake.validation.link-attempts-per-token:10}") int perToken,
            @Value("${transfertafel.intake.validation.link-attempts-per-address:60}") int perAddress) {
        Duration window = Duration.ofMinutes(15);
        return new LinkAttempts(new AttemptLimiter(perToken, window, 100_000, clock),
                new AttemptLimiter(perAddress, window, 100_000, clock));
    }

    @Bean
    ValidationDeadlineJob validationDeadlineJob(ValidationRepository rounds, EntryChanges changes, Outbox outbox,
            TransactionalOperator tx, MeterRegistry meters, Clock clock) {
        return new ValidationDeadlineJob(rounds, changes, outbox, tx, meters, clock);
    }

    /** On one instance at a time (the platform's advisory-lock job lock); each round's step is guarded too. */
    @Bean
    PeriodicJob validationDeadlineSchedule(ValidationDeadlineJob job, DatabaseClient db, MeterRegistry meters,
            @Value("${transfertafel.intake.validation.interval:PT15M}") Duration interval,
            @Value("${transfertafel.intake.validation.initial-delay:PT45S}") Duration initialDelay) {
        return new PeriodicJob("validation-deadlines", initialDelay, interval,
                new ClusterLock(db).onOneInstance("validation-deadlines", () -> {
                    ValidationDeadlineJob.Run run = job.run().block(Duration.ofMinutes(10));
                    if (run != null && (run.reminded() > 0 || run.flagged() > 0 || run.closed() > 0)) {
                        log.info("validation rounds: {} reminded, {} flagged, {} rounds closed", run.reminded(),
                                run.flagged(), run.closed());
                    }
                }), meters);
    }
}
