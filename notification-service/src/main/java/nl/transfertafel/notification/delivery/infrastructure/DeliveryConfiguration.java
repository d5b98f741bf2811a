package nl.transfertafel.notification.delivery.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import nl.transfertafel.notification.delivery.application.ChannelSender;
import nl.transfertafel.notification.delivery.application.AnswerLinks;
import nl.transfertafel.notification.delivery.application.ClientContacts;
import nl.transfertafel.notification.delivery.application.ClientEmailSender;
import nl.transfertafel.notification.delivery.application.DeliveryDispatcher;
import nl.transfertafel.notification.delivery.application.DeliveryLogService;
import nl.transfertafel.notification.delivery.application.MailTransport;
import nl.transfertafel.notification.delivery.application.OrganisationEmailSender;
import nl.transfertafel.notification.delivery.domain.Language;
import nl.transfertafel.notification.delivery.domain.NoticeTexts;
import nl.transfertafel.notification.delivery.domain.RetryPolicy;
import nl.transfertafel.notification.delivery.domain.SmtpTlsPolicy;
import nl.transfertafel.notification.access.domain.Verdict;
import nl.transfertafel.notification.subscription.domain.WebhookTargetPolicy;
import nl.transfertafel.notification.subscription.infrastructure.SubscriptionRepository;
import nl.transfertafel.platform.client.ServiceClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.function.client.WebClient;

/** Wires the delivery table, the channels and the dispatcher. Settings: {@code transfertafel.notification.*}. */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    @Bean
    NoticeTexts noticeTexts() {
        Map<Language, Map<String, String>> templates = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            templates.put(language, load("templates/notices_" + language.code() + ".properties"));
        }
        return new NoticeTexts(templates);
    }

    private static Map<String, String> load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        Map<String, String> map = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }

    /** Committed deliveries wake this instance's dispatcher (the poll is the fallback). */
    @Bean
    NewDeliveries newDeliveries() {
        return new NewDeliveries();
    }

    @Bean
    DeliveryRepository deliveryRepository(DatabaseClient db, NewDeliveries newDeliveries) {
        return new DeliveryRepository(db, newDeliveries);
    }

    @Bean
    MailTransport mailTransport(JavaMailSender sender,
            @Value("${transfertafel.notification.mail.from}") String from) {
        if (sender instanceof JavaMailSenderImpl smtp
                && SmtpTlsPolicy.check(smtp.getUsername(), smtp.getProtocol(), smtp.getJavaMailProperties())
                        instanceof Verdict.Rejected rejected) {
            // refuse to start: the first e-mail would send the password in clear
            throw new IllegalStateException(rejected.rule() + ": " + rejected.reason());
        }
        return new SmtpMailTransport(sender, from);
    }

    @Bean
    ClientContacts clientContacts(ServiceClients clients, @Value("${transfertafel.services.intake-url}") String intakeUrl) {
        return new IntakeClientContacts(clients, intakeUrl);
    }

    @Bean
    WebhookSender webhookSender(SubscriptionRepository subscriptions, DeliveryRepository deliveries, WebClient.Builder http,
            WebhookTargetPolicy targets, NoticeTexts texts, Clock clock,
            @Value("${transfertafel.notification.webhook.timeout:10s}") Duration timeout) {
        return new WebhookSender(subscriptions::webhook, deliveries::numberInLaneSince, http, targets, texts, clock, timeout);
    }

    @Bean
    OrganisationEmailSender organisationEmailSender(SubscriptionRepository subscriptions, MailTransport mail,
            NoticeTexts texts) {
        return new OrganisationEmailSender(subscriptions, mail, texts);
    }

    @Bean
    ClientEmailSender clientEmailSender(ClientContacts contacts, AnswerLinks answerLinks, MailTransport mail,
            NoticeTexts texts) {
        return new ClientEmailSender(contacts, answerLinks, mail, texts);
    }

    @Bean
    AnswerLinks answerLinks(ServiceClients clients, @Value("${transfertafel.services.intake-url}") String intakeUrl) {
        return new IntakeAnswerLinks(clients, intakeUrl);
    }

    @Bean
    RetryPolicy retryPolicy(@Value("${transfertafel.notification.delivery.max-attempts}") int maxAttempts,
            @Value("${transfertafel.notification.delivery.initial-backoff}") Duration initial,
            @Value("${transfertafel.notification.delivery.max-backoff}") Duration max) {
        return new RetryPolicy(maxAttempts, initial, max);
    }

    @Bean
    DeliveryDispatcher deliveryDispatcher(DeliveryRepository deliveries, List<ChannelSender> senders, RetryPolicy retry,
            TransactionalOperator tx, Clock clock, MeterRegistry meters,
            @Value("${transfertafel.notification.delivery.lanes-per-round:200}") int lanesPerRound,
            @Value("${transfertafel.notification.delivery.per-lane-per-round:50}") int perLanePerRound,
            @Value("${transfertafel.notification.delivery.parallel-lanes:8}") int parallelLanes,
            @Value("${transfertafel.notification.delivery.send-timeout:30s}") Duration sendTimeout) {
        return new DeliveryDispatcher(deliveries, senders, retry, tx, clock, meters,
                () -> ThreadLocalRandom.current().nextDouble(), lanesPerRound, perLanePerRound, parallelLanes, sendTimeout);
    }

    @Bean
    DispatcherLoop dispatcherLoop(DeliveryDispatcher dispatcher, MeterRegistry meters, NewDeliveries newDeliveries,
            @Value("${transfertafel.notification.delivery.poll-interval:2s}") Duration pollInterval,
            @Value("${transfertafel.notification.delivery.wake-delay:100ms}") Duration wakeDelay,
            @Value("${transfertafel.notification.delivery.dispatcher-enabled:true}") boolean enabled) {
        DispatcherLoop loop = new DispatcherLoop(dispatcher, pollInterval, wakeDelay, enabled, meters);
        newDeliveries.onCommitted(loop::wake);
        return loop;
    }

    @Bean
    DeliveryLogService deliveryLogService(DeliveryRepository deliveries, Clock clock) {
        return new DeliveryLogService(deliveries, clock);
    }
}
