package nl.transfertafel.contracts;

import static nl.transfertafel.contracts.EventContractTest.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.EventSchemas;
import nl.transfertafel.contracts.events.intake.ScreeningConsentChanged;
import nl.transfertafel.contracts.events.intake.ValidationEntryFlagged;
import nl.transfertafel.contracts.events.intake.ValidationQuestionAsked;
import org.junit.jupiter.api.Test;

/** The "still waiting?" events (issue 15 item 1): ids only, no address, no answer-link token. */
class ValidationEventContractTest {

    private final ValidationQuestionAsked asked = new ValidationQuestionAsked("round-1", "question-1", "ref-1",
            "pseudonym_0123456789abcdef", "01234567", "22000002", ValidationQuestionAsked.Attempt.FIRST,
            Instant.parse("2026-12-20T10:00:00Z"));

    @Test
    void a_question_round_trips_and_validates() {
        String json = EventJson.write(envelope(asked));

        assertThat(EventSchemas.violations(json)).isEmpty();
        assertThat(EventJson.read(json).payloadAs(ValidationQuestionAsked.class)).isEqualTo(asked);
    }

    @Test
    void a_link_token_or_an_address_smuggled_into_a_question_breaks_the_contract() {
        String json = EventJson.write(envelope(asked));

        assertThat(EventSchemas.violations(json.replace("\"attempt\":", "\"link\":\"https://x/answer/abc\",\"attempt\":")))
                .isNotEmpty();
        assertThat(EventSchemas.violations(json.replace("\"01234567\"", "\"client@example.org\""))).isNotEmpty();
        assertThat(EventSchemas.violations(json.replace("\"FIRST\"", "\"THIRD\""))).isNotEmpty();
    }

    @Test
    void a_flag_and_a_consent_change_validate() {
        var flagged = new ValidationEntryFlagged("round-1", "question-1", "ref-1", "pseudonym_0123456789abcdef",
                "01234567", null);
        var consent = new ScreeningConsentChanged("ref-1", "pseudonym_0123456789abcdef", false);

        assertThat(EventSchemas.violations(EventJson.write(envelope(flagged)))).isEmpty();
        assertThat(EventSchemas.violations(EventJson.write(envelope(consent)))).isEmpty();
        assertThat(EventJson.read(EventJson.write(envelope(consent))).payloadAs(ScreeningConsentChanged.class))
                .isEqualTo(consent);
    }
}
