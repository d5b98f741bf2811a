package nl.transfertafel.notification.startup;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Checks made before the service does anything: no public development secrets outside development. */
@Configuration(proxyBeanMethods = false)
class StartupConfiguration {

    @Bean
    static InitializingBean refusePublicDevelopmentSecrets(Environment environment) {
        return () -> DevelopmentDefaults.check(environment);
    }
}
