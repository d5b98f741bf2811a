package nl.transfertafel.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import nl.transfertafel.testkit.security.DemoUsers;
import tools.jackson.databind.JsonNode;

/**
 * A stack started as its own process, seen from outside as a harness sees it: through the file it wrote
 * ({@code stack.json} or {@code cluster.json}), the services' public APIs, tokens minted over HTTP by its
 * token issuer, and its PostgreSQL.
 */
record RunningStack(JsonNode file) {

    String url(String service) {
        return url(service, 1);
    }

    String url(String service, int instance) {
        for (JsonNode entry : file.path("services")) {
            if (entry.path("name").asText().equals(service) && entry.path("instance").asInt() == instance) {
                return entry.path("url").asText();
            }
        }
        throw new AssertionError("no " + service + " #" + instance + " in " + file);
    }

    /** A demo user's token, from the issuer's {@code /token?username=}. */
    String token(String username) {
        return accessToken("/token?username=" + username);
    }

    /** A token with exactly these claims, from the issuer's {@code /token?sub=&roles=&org=&region=}. */
    String token(String subject, String role, String organisation) {
        return accessToken("/token?sub=" + encode(subject) + "&roles=" + role + "&org=" + organisation
                + "&region=" + DemoUsers.REGION);
    }

    private String accessToken(String pathAndQuery) {
        HttpResponse<String> answer = StackHttp.get(file.path("tokenIssuer").path("url").asText() + pathAndQuery, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return StackHttp.json(answer.body()).path("access_token").asText();
    }

    Connection database(String service) throws SQLException {
        JsonNode pg = file.path("postgres");
        return DriverManager.getConnection("jdbc:postgresql://" + pg.path("host").asText() + ":" + pg.path("port").asInt()
                        + "/" + pg.path("databases").path(service).asText(), pg.path("user").asText(),
                pg.path("password").asText());
    }

    long count(String service, String sql, Object... parameters) throws SQLException {
        try (Connection connection = database(service); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    List<Long> pids(String section) {
        return file.path(section).findValues("pid").stream().map(JsonNode::asLong).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
