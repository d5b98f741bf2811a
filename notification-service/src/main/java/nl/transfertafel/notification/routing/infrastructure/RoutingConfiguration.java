package nl.transfertafel.notification.routing.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import nl.transfertafel.notification.routing.application.ChannelChoices;
import nl.transfertafel.notification.routing.application.ClientSupportDirectory;
import nl.transfertafel.notification.routing.application.DeliveryQueue;
import nl.transfertafel.notification.routing.application.NotificationRouter;
import nl.transfertafel.notification.routing.domain.Links;
import nl.transfertafel.notification.routing.domain.RoutingPolicy;
import nl.transfertafel.notification.routing.domain.SubjectKind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Wires routing. It depends only on its own ports: the subscription feature answers
 * {@link ChannelChoices}, the delivery feature is the {@link DeliveryQueue} (issue 16 item 1: no
 * cycles between feature packages).
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    Links links(@Value("${transfertafel.notification.links.referral}") String referral,
            @Value("${transfertafel.notification.links.proposal}") String proposal,
            @Value("${transfertafel.notification.links.offer}") String offer,
            @Value("${transfertafel.notification.links.escalation}") String escalation,
            @Value("${transfertafel.notification.links.blocked-transfer}") String blocked,
            @Value("${transfertafel.notification.links.registration-restriction}") String restriction,
            @Value("${transfertafel.notification.links.validation-question}") String validationQuestion) {
        Map<SubjectKind, String> templates = new EnumMap<>(SubjectKind.class);
        templates.put(SubjectKind.REFERRAL, referral);
        templates.put(SubjectKind.PROPOSAL, proposal);
        templates.put(SubjectKind.OFFER, offer);
        templates.put(SubjectKind.ESCALATION, escalation);
        templates.put(SubjectKind.BLOCKED_TRANSFER, blocked);
        templates.put(SubjectKind.REGISTRATION_RESTRICTION, restriction);
        templates.put(SubjectKind.VALIDATION_QUESTION, validationQuestion);
        return new Links(templates);
    }

    @Bean
    ClientSupportRepository clientSupportRepository(DatabaseClient db, Clock clock) {
        return new ClientSupportRepository(db, clock);
    }

    @Bean
    NotificationRouter notificationRouter(ChannelChoices channels, DeliveryQueue deliveries,
            ClientSupportDirectory support, Links links, Clock clock, MeterRegistry meters) {
        return new NotificationRouter(new RoutingPolicy(), channels, deliveries, support, links, clock, meters);
    }
}
