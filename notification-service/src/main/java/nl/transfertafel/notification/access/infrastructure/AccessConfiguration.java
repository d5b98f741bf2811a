package nl.transfertafel.notification.access.infrastructure;

import nl.transfertafel.notification.access.web.SupporterAudit;
import nl.transfertafel.platform.audit.AuditLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    SupporterAudit supporterAudit(AuditLog audit) {
        return new SupporterAudit(audit);
    }
}
