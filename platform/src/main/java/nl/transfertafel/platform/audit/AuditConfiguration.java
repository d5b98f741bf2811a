package nl.transfertafel.platform.audit;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;

@AutoConfiguration(afterName = "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
public class AuditConfiguration {

    @Bean
    AuditLog auditLog(DatabaseClient db, Clock clock) {
        return new AuditLog(db, clock);
    }
}
