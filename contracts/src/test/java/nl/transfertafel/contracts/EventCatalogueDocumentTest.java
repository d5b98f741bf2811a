package nl.transfertafel.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.transfertafel.contracts.catalogue.EventCatalogueDocument;
import nl.transfertafel.contracts.events.EventCatalog;
import org.junit.jupiter.api.Test;

/** The event catalogue in docs/api stays true to the contracts. */
class EventCatalogueDocumentTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "api", "events.md");

    @Test
    void the_published_event_catalogue_matches_the_contracts() throws IOException {
        String expected = EventCatalogueDocument.render();

        assertThat(Files.readString(DOCUMENT, StandardCharsets.UTF_8))
                .as("docs/api/events.md is stale: run docs/api/generate.sh")
                .isEqualTo(expected);
    }

    @Test
    void every_event_type_has_a_section_with_its_fields() {
        String document = EventCatalogueDocument.render();

        EventCatalog.all().forEach(descriptor -> assertThat(document)
                .contains("## " + descriptor.type() + " v" + descriptor.schemaVersion()));
        assertThat(document).contains("| `clientPseudonym` | string | yes |").doesNotContain("`bsn`");
    }
}
