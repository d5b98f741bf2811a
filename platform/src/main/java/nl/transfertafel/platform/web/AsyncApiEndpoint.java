package nl.transfertafel.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import nl.transfertafel.contracts.catalogue.AsyncApiDocument;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Issue 13 item 2: every service serves the system's AsyncAPI 3 document (the topics and event types
 * of all services, generated in {@code contracts} from the event catalogue and kept current by its
 * test) at {@code GET /asyncapi.json}, open like {@code /v3/api-docs}; {@code /asyncapi} redirects
 * there. The document is the classpath resource as built, byte for byte: read once, never rendered
 * again at run time, so what integrators fetch is what the contracts module checked.
 */
@Hidden // a document about the events, not an operation of the service's API: not in /v3/api-docs
@RestController
public class AsyncApiEndpoint {

    public static final String PATH = "/asyncapi.json";
    public static final String SHORT_PATH = "/asyncapi";

    private final byte[] document;

    public AsyncApiEndpoint() {
        this(AsyncApiDocument.CLASSPATH_RESOURCE);
    }

    AsyncApiEndpoint(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the AsyncAPI document " + resource + " is not on the classpath", e);
        }
    }

    @GetMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<byte[]>> document() {
        return Mono.just(ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noCache())
                .body(document));
    }

    @GetMapping(SHORT_PATH)
    Mono<ResponseEntity<Void>> redirect() {
        return Mono.just(ResponseEntity.status(HttpStatus.FOUND).location(URI.create(PATH)).build());
    }
}
