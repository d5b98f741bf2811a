package nl.transfertafel.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthCheckTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void a_ready_service_is_healthy() throws IOException {
        URI endpoint = serve(200, "{\"status\":\"UP\"}");

        HealthCheck.Result result = HealthCheck.check(endpoint);

        assertThat(result.healthy()).isTrue();
        assertThat(result.message()).contains("answered 200");
    }

    @Test
    void a_service_that_is_not_ready_is_unhealthy() throws IOException {
        URI endpoint = serve(503, "{\"status\":\"OUT_OF_SERVICE\"}");

        HealthCheck.Result result = HealthCheck.check(endpoint);

        assertThat(result.healthy()).isFalse();
        assertThat(result.message()).contains("answered 503");
    }

    @Test
    void a_service_that_does_not_listen_is_unhealthy() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        HealthCheck.Result result = HealthCheck.check(URI.create("http://127.0.0.1:" + closedPort + "/actuator/health/readiness"));

        assertThat(result.healthy()).isFalse();
        assertThat(result.message()).contains("did not answer");
    }

    private URI serve(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/actuator/health/readiness");
    }
}
