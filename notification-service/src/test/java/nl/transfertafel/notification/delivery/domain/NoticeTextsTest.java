package nl.transfertafel.notification.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import nl.transfertafel.notification.routing.domain.Notice;
import nl.transfertafel.notification.routing.domain.Subject;
import nl.transfertafel.notification.routing.domain.SubjectKind;
import org.junit.jupiter.api.Test;

public class NoticeTextsTest {

    public static NoticeTexts shipped() {
        Map<Language, Map<String, String>> templates = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Properties properties = new Properties();
            try (var in = NoticeTextsTest.class.getResourceAsStream("/templates/notices_" + language.code() + ".properties")) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            Map<String, String> map = new HashMap<>();
            properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
            templates.put(language, map);
        }
        return new NoticeTexts(templates);
    }

    private final ThinNotification offer = new ThinNotification(UUID.randomUUID(), UUID.randomUUID(), "TransferOffered",
            Instant.parse("2026-11-23T10:00:00Z"), "rotterdam", "22000002", Notice.OFFER_RECEIVED,
            new Subject(SubjectKind.PROPOSAL, "prop-42"), "https://tt.example/api/v1/proposals/prop-42");

    @Test
    void every_notice_has_a_dutch_and_an_english_text_using_only_known_placeholders() {
        NoticeTexts texts = shipped();
        for (Notice notice : Notice.values()) {
            ThinNotification n = new ThinNotification(offer.deliveryId(), offer.eventId(), offer.eventType(),
                    offer.occurredAt(), offer.region(), offer.recipient(), notice, offer.subject(), offer.link());
            Map<Language, NoticeTexts.Text> all = n.texts(texts);
            assertThat(all.get(Language.NL).title()).isNotBlank().isNotEqualTo(all.get(Language.EN).title());
            assertThat(all.get(Language.EN).body()).doesNotContain("{");
        }
    }

    @Test
    void texts_are_filled_with_the_ids_and_the_link_only() {
        Map<Language, NoticeTexts.Text> texts = offer.texts(shipped());
        assertThat(texts.get(Language.NL).body()).contains("voorstel prop-42")
                .contains("https://tt.example/api/v1/proposals/prop-42");
        assertThat(texts.get(Language.EN).title()).isEqualTo("An offer for your organisation");
    }

    @Test
    void a_missing_template_or_an_unknown_placeholder_is_found_at_start_up() {
        assertThatThrownBy(() -> new NoticeTexts(Map.of(Language.NL, Map.of(), Language.EN, Map.of())))
                .hasMessageContaining("no NL template");
        Map<String, String> withUnknown = new HashMap<>();
        for (Notice notice : Notice.values()) {
            withUnknown.put(notice + ".title", "t");
            withUnknown.put(notice + ".body", "{clientName}");
        }
        NoticeTexts texts = new NoticeTexts(Map.of(Language.NL, withUnknown, Language.EN, withUnknown));
        assertThatThrownBy(() -> texts.render(Notice.OFFER_RECEIVED, Language.NL, offer.templateValues()))
                .hasMessageContaining("{clientName}");
    }

    @Test
    void language_codes_default_to_dutch() {
        assertThat(Language.of("en")).isEqualTo(Language.EN);
        assertThat(Language.of("EN ")).isEqualTo(Language.EN);
        assertThat(Language.of("nl")).isEqualTo(Language.NL);
        assertThat(Language.of(null)).isEqualTo(Language.NL);
        assertThat(Language.of("fr")).isEqualTo(Language.NL);
    }
}
