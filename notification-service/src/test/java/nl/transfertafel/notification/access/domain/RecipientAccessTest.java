package nl.transfertafel.notification.access.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import nl.transfertafel.notification.routing.domain.Recipient;
import org.junit.jupiter.api.Test;

class RecipientAccessTest {

    private final RecipientAccess access = new RecipientAccess();

    @Test
    void a_coordinator_works_for_the_regions_desk_not_for_its_employer() {
        Caller coordinator = new Caller(Set.of("COORDINATOR"), "22000001", "rotterdam");
        assertThat(access.own(coordinator)).contains(new Recipient.RegionCoordinators("rotterdam"));
        assertThat(access.mayManage(coordinator, new Recipient.Organisation("22000001")).allowed()).isFalse();
        assertThat(access.mayManage(coordinator, new Recipient.RegionCoordinators("zeeland")).allowed()).isFalse();
    }

    @Test
    void a_client_supporter_works_for_its_supporter_desk_never_as_the_organisation() {
        Caller supporter = new Caller(Set.of("CLIENT_SUPPORT"), "cs-mee", "rotterdam");
        assertThat(access.own(supporter)).contains(new Recipient.ClientSupport("cs-mee"));
        assertThat(access.mayManage(supporter, new Recipient.ClientSupport("cs-mee")).allowed()).isTrue();
        assertThat(access.mayManage(supporter, new Recipient.Organisation("cs-mee")).allowed()).isFalse();
        assertThat(access.mayManage(supporter, new Recipient.ClientSupport("cs-other")).allowed()).isFalse();
        assertThat(access.own(new Caller(Set.of("CLIENT_SUPPORT"), null, "rotterdam"))).isEmpty();
    }

    @Test
    void a_claim_that_cannot_name_a_recipient_receives_nothing() {
        assertThat(access.own(new Caller(Set.of("GP"), "01\u0000", "rotterdam"))).isEmpty();
        assertThat(access.own(new Caller(Set.of("COORDINATOR"), "x", "x".repeat(100)))).isEmpty();
    }

    @Test
    void others_manage_their_own_organisation_only() {
        Caller gp = new Caller(Set.of("GP"), "01000001", "rotterdam");
        assertThat(access.mayManage(gp, new Recipient.Organisation("01000001")).allowed()).isTrue();
        assertThat(access.mayManage(gp, new Recipient.Organisation("01000002")))
                .isInstanceOf(Verdict.Rejected.class);
    }

    @Test
    void an_admin_manages_any_organisation_and_only_reads_a_clients_deliveries() {
        Caller admin = new Caller(Set.of("ADMIN"), "TRANSFERTAFEL", "rotterdam");
        assertThat(access.mayManage(admin, new Recipient.Organisation("01000002")).allowed()).isTrue();
        assertThat(access.mayManage(admin, new Recipient.RegionCoordinators("zeeland")).allowed()).isTrue();
        assertThat(access.mayManage(admin, new Recipient.Client("ref-1")).allowed()).isFalse();
        assertThat(access.mayRead(admin, new Recipient.Client("ref-1")).allowed()).isTrue();
        assertThat(access.mayRead(new Caller(Set.of("GP"), "01000001", "rotterdam"), new Recipient.Client("ref-1"))
                .allowed()).isFalse();
    }

    @Test
    void a_service_token_has_no_mailbox() {
        assertThat(access.own(new Caller(Set.of("SERVICE"), null, null))).isEmpty();
    }
}
