package nl.transfertafel.intake.client.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.UUID;
import nl.transfertafel.intake.client.application.ContactLookup;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.web.ProblemResponses;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Internal", description = "Calls from other services of this system (role SERVICE)")
public class ContactController {

    private final ContactLookup contacts;

    public ContactController(ContactLookup contacts) {
        this.contacts = contacts;
    }

    @GetMapping("/api/v1/internal/referrals/{referralId}/contact")
    @PreAuthorize("hasRole('SERVICE')")
    @Operation(summary = "How to reach a referred client", description = """
            Role SERVICE only (notification-service, with its own client-credentials token). For a client still on a \
            list; audited with purpose notify-client, the calling service as actor.""")
    @ApiResponse(responseCode = "200", description = "The client's e-mail and phone (each may be null) and language")
    @ProblemResponses(notFound = "referral (or withdrawn)")
    public Mono<Contact> contact(Actor service, @PathVariable String referralId) {
        UUID id;
        try {
            id = UUID.fromString(referralId);
        } catch (IllegalArgumentException e) {
            return Mono.error(Refused.notFound("referral " + referralId));
        }
        return contacts.contactOf(service, id).map(contact -> new Contact(id.toString(), contact.email(), contact.phone(),
                contact.language().name().toLowerCase(Locale.ROOT)));
    }

    public record Contact(String referralId, String email, String phone,
            @Schema(allowableValues = {"nl", "en"}) String language) {
    }
}
