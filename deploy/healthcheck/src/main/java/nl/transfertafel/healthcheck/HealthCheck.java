package nl.transfertafel.healthcheck;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container health check of a service image: {@code java -cp /opt/transfertafel/healthcheck
 * nl.transfertafel.healthcheck.HealthCheck http://127.0.0.1:8081/actuator/health/readiness}. Exit 0 when the
 * endpoint answers 2xx, 1 otherwise (a non-2xx answer, no answer within the timeout, or no answer at all),
 * which is what Docker and Compose expect of a health check command. Plain JDK so that it runs on the
 * image's JRE without a shell, curl or any of the service's libraries.
 */
public final class HealthCheck {

    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private HealthCheck() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: HealthCheck <url of the readiness endpoint>");
            System.exit(2);
        }
        Result result = check(URI.create(args[0]));
        (result.healthy() ? System.out : System.err).println(result.message());
        System.exit(result.healthy() ? 0 : 1);
    }

    /** What the endpoint answered, in words for {@code docker inspect}'s health log. */
    public record Result(boolean healthy, String message) {
    }

    public static Result check(URI endpoint) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Result(status >= 200 && status < 300, endpoint + " answered " + status);
        } catch (IOException e) {
            return new Result(false, endpoint + " did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, endpoint + " check interrupted");
        }
    }
}
