package nl.transfertafel.intake.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and its one security scheme (a bearer JWT on every endpoint). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI intakeOpenApi() {
        return new OpenAPI()
                .info(new Info().title("intake-service").version("v1").description("""
                        GP referrals, waiting lists, waiting statuses, Treeknorm clocks and transparency figures. \
                        Personal data stays here (encrypted at rest, every read audited); events carry pseudonyms. \
                        Errors are RFC 9457 problem+json with a rule and, for invalid input, errors naming each field."""))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
