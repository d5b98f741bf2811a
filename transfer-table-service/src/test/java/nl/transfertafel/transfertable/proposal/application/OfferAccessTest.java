package nl.transfertafel.transfertable.proposal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import nl.transfertafel.contracts.events.transfer.TransferProposed;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.security.Role;
import nl.transfertafel.transfertable.matching.domain.Explanation;
import nl.transfertafel.transfertable.proposal.domain.Proposal;
import org.junit.jupiter.api.Test;

/** Who may see and answer an offer for the client, by what the read model knows of the referral (issue 11 items 6, 7). */
class OfferAccessTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private static final Proposal OFFER = Proposal.propose(new Proposal.New("rotterdam", "r-1",
            "pseudonym_0123456789abcdef", "line-1", "22000002", "22000001", "01000001", "3311",
            TransferProposed.Origin.ENGINE, null, null, DiagnosisGroup.DEPRESSION, Urgency.REGULAR,
            new Explanation("regular", null, List.of(), List.of(), null), Instant.parse("2026-11-23T09:59:00Z")),
            CLOCK).proposal();
    private static final Actor NAMED_GP = new Actor("gp", Set.of(Role.GP), "01000001", "rotterdam");
    private static final Actor SUPPORTER = new Actor("cos", Set.of(Role.CLIENT_SUPPORT), "COS-noord", "rotterdam");

    @Test
    void a_gp_of_the_referring_practice_acts_for_the_client_once_the_link_is_confirmed() {
        OfferService.Access confirmed = new OfferService.Access(null, true);

        assertThat(OfferService.mayAnswerForClient(NAMED_GP, OFFER, confirmed)).isTrue();
        assertThat(OfferService.maySee(NAMED_GP, OFFER, confirmed)).isTrue();
        assertThat(OfferService.maySee(new Actor("gp", Set.of(Role.GP), "01000002", "rotterdam"), OFFER, confirmed))
                .as("another practice").isFalse();
    }

    @Test
    void a_practice_named_by_onboarding_that_has_not_confirmed_neither_sees_nor_answers() {
        OfferService.Access unconfirmed = new OfferService.Access(null, false);

        assertThat(OfferService.mayAnswerForClient(NAMED_GP, OFFER, unconfirmed)).isFalse();
        assertThat(OfferService.maySee(NAMED_GP, OFFER, unconfirmed)).isFalse();
    }

    @Test
    void the_named_supporter_still_acts_while_the_referrer_is_unconfirmed() {
        OfferService.Access access = new OfferService.Access("cos-noord", false);

        assertThat(OfferService.mayAnswerForClient(SUPPORTER, OFFER, access)).isTrue();
        assertThat(OfferService.mayAnswerForClient(SUPPORTER, OFFER, new OfferService.Access(null, true))).isFalse();
    }
}
