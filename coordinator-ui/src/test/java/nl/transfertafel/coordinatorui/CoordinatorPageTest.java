package nl.transfertafel.coordinatorui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The page's serving (index, redirect, configuration, Content-Security-Policy) and the static
 * integrity of its files: every ES module import resolves, both languages have the same texts and
 * every text the code asks for exists, and no code builds markup from strings. The page's
 * behaviour in a real browser is tested end to end in local-stack ({@code CoordinatorPageIT}).
 */
class CoordinatorPageTest {

    private static final Path ROOT = Paths.get("src/main/resources/META-INF/resources/coordinator");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CoordinatorPageSettings settings = CoordinatorPageSettings.from(new MockEnvironment()
            .withProperty("transfertafel.coordinator-ui.issuer-uri", "http://127.0.0.1:8090/")
            .withProperty("transfertafel.services.intake-url", "http://127.0.0.1:8081")
            .withProperty("transfertafel.services.capacity-url", "http://127.0.0.1:8082")
            .withProperty("transfertafel.coordinator-ui.notification-url", "https://notify.example.org/"));
    private final WebTestClient web = WebTestClient.bindToRouterFunction(CoordinatorPageConfiguration.routes(settings)).build();

    @Test
    void the_page_is_served_at_its_folder_with_a_strict_content_security_policy() {
        web.get().uri("/coordinator/?code=abc&state=xyz").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                        .contains("script-src 'self'")
                        .contains("connect-src 'self' http://127.0.0.1:8090 http://127.0.0.1:8081 http://127.0.0.1:8082 https://notify.example.org")
                        .contains("frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline"))
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("<script type=\"module\" src=\"js/main.js\"></script>")
                        .contains("<main id=\"main\"")
                        .contains("aria-live=\"polite\""));
    }

    @Test
    void the_folder_without_slash_redirects_so_relative_links_resolve() {
        web.get().uri("/coordinator").exchange()
                .expectStatus().isPermanentRedirect()
                .expectHeader().location("/coordinator/");
    }

    @Test
    void config_names_the_issuer_client_and_service_urls_as_the_browser_reaches_them() {
        String body = web.get().uri("/coordinator/config.json").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        JsonNode config = JSON.readTree(body);

        assertThat(config.get("issuer").asText()).isEqualTo("http://127.0.0.1:8090");
        assertThat(config.get("clientId").asText()).isEqualTo("coordinator-ui");
        assertThat(config.get("scope").asText()).isEqualTo("openid");
        assertThat(config.get("services").get("intake").asText()).isEqualTo("http://127.0.0.1:8081");
        assertThat(config.get("services").get("capacity").asText()).isEqualTo("http://127.0.0.1:8082");
        assertThat(config.get("services").get("notification").asText()).isEqualTo("https://notify.example.org");
        assertThat(config.get("services").get("transferTable").asText()).isEmpty();
    }

    @Test
    void the_issuer_defaults_to_the_local_token_issuer() {
        assertThat(CoordinatorPageSettings.from(new MockEnvironment()).issuerUri()).isEqualTo("http://127.0.0.1:8090/transfertafel");
        assertThat(CoordinatorPageSettings.from(new MockEnvironment().withProperty("TRANSFERTAFEL_OIDC_ISSUER",
                "https://keycloak.example.org/realms/ggz")).issuerUri()).isEqualTo("https://keycloak.example.org/realms/ggz");
    }

    @Test
    void every_module_import_and_every_file_the_page_links_resolves() throws IOException {
        List<String> missing = new ArrayList<>();
        Pattern imports = Pattern.compile("(?:import|export)\\s[^;]*?from\\s+'([^']+)'|import\\s+'([^']+)'");
        for (Path file : files(".js")) {
            Matcher m = imports.matcher(read(file));
            while (m.find()) {
                String target = m.group(1) != null ? m.group(1) : m.group(2);
                if (!Files.isRegularFile(file.getParent().resolve(target).normalize())) {
                    missing.add(ROOT.relativize(file) + " imports " + target);
                }
            }
        }
        Matcher links = Pattern.compile("(?:src|href)=\"([^\"#:]+)\"").matcher(read(ROOT.resolve("index.html")));
        while (links.find()) {
            if (!Files.isRegularFile(ROOT.resolve(links.group(1)))) {
                missing.add("index.html links " + links.group(1));
            }
        }
        assertThat(missing).isEmpty();
        assertThat(files(".js")).hasSizeGreaterThan(10);
    }

    @Test
    void dutch_and_english_have_the_same_texts_and_every_text_the_page_uses_exists() throws IOException {
        Set<String> nl = keys("nl");
        Set<String> en = keys("en");
        assertThat(nl).isEqualTo(en);

        Set<String> used = new TreeSet<>();
        Matcher literal = Pattern.compile("\\bt\\('([a-zA-Z.\\-]+)'").matcher("");
        for (Path file : files(".js")) {
            literal.reset(read(file));
            while (literal.find()) {
                used.add(literal.group(1));
            }
        }
        Matcher attribute = Pattern.compile("data-i18n(?:-label)?=\"([a-zA-Z.]+)\"").matcher(read(ROOT.resolve("index.html")));
        while (attribute.find()) {
            used.add(attribute.group(1));
        }
        used.removeAll(nl);
        assertThat(used).as("texts used but not in the dictionaries").isEmpty();
        for (String state : List.of("connecting", "open", "retrying", "closed")) {
            assertThat(nl).contains("live." + state);
        }
    }

    /**
     * A syntax error in one module stops the whole page; the browser tests would find it, but slowly.
     * Node (where installed) parses each module in a fraction of a second.
     */
    @Test
    void every_module_parses_as_javascript() throws Exception {
        Optional<Path> node = Stream.of("/usr/bin/node", "/usr/local/bin/node", "/usr/bin/nodejs").map(Paths::get)
                .filter(Files::isExecutable).findFirst();
        Assumptions.assumeTrue(node.isPresent(), "node not installed: module syntax is checked by the browser tests only");
        for (Path file : files(".js")) {
            Process check = new ProcessBuilder(node.get().toString(), "--input-type=module", "--check")
                    .redirectInput(file.toFile()).redirectErrorStream(true).start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor()).as(file + "\n" + output).isZero();
        }
    }

    /**
     * The token refresh (Keycloak's access tokens live five minutes): src/test/js/auth-refresh.test.mjs runs
     * js/auth.js in Node against a fake token endpoint. Where Node is missing, only the browser tests cover it.
     */
    @Test
    void the_token_is_refreshed_before_it_expires_and_an_ended_session_asks_to_sign_in_again() throws Exception {
        Optional<Path> node = Stream.of("/usr/bin/node", "/usr/local/bin/node", "/usr/bin/nodejs").map(Paths::get)
                .filter(Files::isExecutable).findFirst();
        Assumptions.assumeTrue(node.isPresent(), "node not installed: the token refresh is not checked here");
        Process run = new ProcessBuilder(node.get().toString(), "--test", "src/test/js/auth-refresh.test.mjs")
                .redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor()).as(output).isZero();
        assertThat(output).contains("# pass 6").contains("# fail 0");
    }

    /**
     * A rejection needs four eyes (issue 11 item 3): the page's model keeps a pending rejection, so the
     * queue marks it and the proposal page offers "confirm rejection" / "approve instead";
     * src/test/js/pending-rejection.test.mjs runs js/model.js in Node.
     */
    @Test
    void a_pending_rejection_reaches_the_page_model() throws Exception {
        Optional<Path> node = Stream.of("/usr/bin/node", "/usr/local/bin/node", "/usr/bin/nodejs").map(Paths::get)
                .filter(Files::isExecutable).findFirst();
        Assumptions.assumeTrue(node.isPresent(), "node not installed: the page model is checked by the browser tests only");
        Process run = new ProcessBuilder(node.get().toString(), "--test", "src/test/js/pending-rejection.test.mjs")
                .redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor()).as(output).isZero();
        assertThat(output).contains("# pass 2").contains("# fail 0");
    }

    /**
     * Issue 15: the closures view's model of a case (progress and report) and the dashboard's last
     * validation round ("no round yet" without one); src/test/js/closures-and-validation.test.mjs runs
     * js/model.js in Node.
     */
    @Test
    void closure_cases_and_the_last_validation_round_reach_the_page_model() throws Exception {
        Optional<Path> node = Stream.of("/usr/bin/node", "/usr/local/bin/node", "/usr/bin/nodejs").map(Paths::get)
                .filter(Files::isExecutable).findFirst();
        Assumptions.assumeTrue(node.isPresent(), "node not installed: the page model is checked by the browser tests only");
        Process run = new ProcessBuilder(node.get().toString(), "--test", "src/test/js/closures-and-validation.test.mjs")
                .redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor()).as(output).isZero();
        assertThat(output).contains("# pass 6").contains("# fail 0");
    }

    @Test
    void no_code_turns_strings_into_markup() throws IOException {
        for (Path file : files(".js")) {
            assertThat(read(file)).as(file.toString())
                    .doesNotContain("innerHTML").doesNotContain("outerHTML").doesNotContain("insertAdjacentHTML")
                    .doesNotContain("document.write").doesNotContain("eval(").doesNotContain("new Function");
        }
    }

    private static Set<String> keys(String language) throws IOException {
        JsonNode dictionary = JSON.readTree(read(ROOT.resolve("i18n/" + language + ".json")));
        Set<String> keys = new TreeSet<>();
        for (Map.Entry<String, JsonNode> entry : dictionary.properties()) {
            assertThat(entry.getValue().asText()).as(language + " " + entry.getKey()).isNotBlank();
            keys.add(entry.getKey());
        }
        return keys;
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
