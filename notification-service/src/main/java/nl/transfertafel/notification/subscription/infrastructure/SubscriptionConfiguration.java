package nl.transfertafel.notification.subscription.infrastructure;

import java.time.Clock;
import nl.transfertafel.notification.access.domain.RecipientAccess;
import nl.transfertafel.notification.subscription.application.SubscriptionService;
import nl.transfertafel.notification.subscription.domain.MailboxPolicy;
import nl.transfertafel.notification.subscription.domain.SubscriptionPolicy;
import nl.transfertafel.notification.subscription.domain.WebhookTargetPolicy;
import nl.transfertafel.notification.subscription.domain.WebhookUrlPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
class SubscriptionConfiguration {

    @Bean
    SubscriptionRepository subscriptionRepository(DatabaseClient db, Clock clock) {
        return new SubscriptionRepository(db, clock);
    }

    @Bean
    RecipientAccess recipientAccess() {
        return new RecipientAccess();
    }

    @Bean
    SubscriptionPolicy subscriptionPolicy() {
        return new SubscriptionPolicy();
    }

    /** Public targets only, unless {@code allow-private-targets} (the local stack and tests: receivers on this machine). */
    @Bean
    WebhookTargetPolicy webhookTargetPolicy(
            @Value("${transfertafel.notification.webhook.allow-private-targets:false}") boolean allowPrivateTargets) {
        return new WebhookTargetPolicy(allowPrivateTargets);
    }

    @Bean
    SubscriptionService subscriptionService(SubscriptionRepository repository, SubscriptionPolicy policy,
            RecipientAccess access, TransactionalOperator tx, WebhookTargetPolicy targets,
            @Value("${transfertafel.notification.webhook.allow-insecure-localhost:false}") boolean allowInsecureLocalhost) {
        return new SubscriptionService(repository, policy, access, new WebhookUrlPolicy(allowInsecureLocalhost, targets),
                new MailboxPolicy(), tx);
    }
}
