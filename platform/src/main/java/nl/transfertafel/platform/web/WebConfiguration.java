package nl.transfertafel.platform.web;

import java.time.Clock;
import nl.transfertafel.platform.web.input.PlausibleDates;
import nl.transfertafel.platform.web.input.StrictJson;
import org.springframework.core.Ordered;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JacksonModule;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Web edge shared by all services: problem+json answers (and their OpenAPI documentation), correlation
 * ids, the body size limit, dates bounded to the years 0001-9999, and the injectable clock.
 */
@AutoConfiguration
public class WebConfiguration {

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    /** Every service documents its problem+json answers the same way (see {@link ProblemResponses}). */
    @Bean
    ProblemResponsesCustomizer problemResponsesCustomizer() {
        return new ProblemResponsesCustomizer();
    }

    /** Title, description, server URL and bearer scheme of the service's OpenAPI document; no Actor parameter. */
    @Bean
    ApiDocumentCustomizer apiDocumentCustomizer(@Value("${transfertafel.openapi.title:${spring.application.name:}}") String title,
            @Value("${transfertafel.openapi.description:}") String description,
            @Value("${transfertafel.openapi.version:v1}") String version,
            @Value("${transfertafel.openapi.server-url:}") String serverUrl) {
        return new ApiDocumentCustomizer(title, description, version, serverUrl);
    }

    @Bean
    BodySizeLimit bodySizeLimit(@Value("${transfertafel.web.max-body-size:1MB}") DataSize max) {
        return new BodySizeLimit(max);
    }

    /** Boot registers every Jackson module bean with the mapper the web codecs use. */
    @Bean
    JacksonModule plausibleDatesModule() {
        return PlausibleDates.module();
    }

    /**
     * Request bodies are read strictly ({@link StrictJson}); ordered last so it replaces the decoder
     * Boot's codec customizers set. Only the server's codecs: WebClients and events keep the lenient mapper.
     */
    @Bean
    StrictRequestBodies strictRequestBodies(JsonMapper jsonMapper,
            @Value("${transfertafel.web.max-body-size:1MB}") DataSize max) {
        return new StrictRequestBodies(jsonMapper, max);
    }

    static final class StrictRequestBodies implements WebFluxConfigurer, Ordered {

        private final JsonMapper strict;
        private final DataSize max;

        StrictRequestBodies(JsonMapper lenient, DataSize max) {
            this.strict = StrictJson.strict(lenient);
            this.max = max;
        }

        @Override
        public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
            JacksonJsonDecoder decoder = new JacksonJsonDecoder(strict);
            decoder.setMaxInMemorySize((int) Math.min(Integer.MAX_VALUE, max.toBytes()));
            configurer.defaultCodecs().jacksonJsonDecoder(decoder);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** The system's AsyncAPI document at {@code /asyncapi.json} (open, like the OpenAPI document). */
    @Bean
    AsyncApiEndpoint asyncApiEndpoint() {
        return new AsyncApiEndpoint();
    }

    @Bean
    CorrelationWebFilter correlationWebFilter() {
        CorrelationMdc.register();
        RegionMdc.register();
        return new CorrelationWebFilter();
    }

    /** Domain code never reads the system time itself; tests replace this bean with a fixed clock. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
