package nl.transfertafel.intake.referral.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.intake.referral.application.ReferralService;
import nl.transfertafel.intake.referral.domain.ReferralRequest;
import nl.transfertafel.platform.security.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/referrals")
@Tag(name = "Referrals", description = "GPs refer clients; the referral starts the Treeknorm clocks")
public class ReferralController {

    private final ReferralService referrals;

    public ReferralController(ReferralService referrals) {
        this.referrals = referrals;
    }

    @PostMapping
    @PreAuthorize("hasRole('GP')")
    @Operation(summary = "Register a referral", description = "Role GP. The referrer AGB code and region come from the token.")
    public Mono<ResponseEntity<ReferralCreated>> register(Actor gp, @Valid @RequestBody ReferralBody body) {
        return referrals.register(gp, body.toRequest())
                .map(referral -> ResponseEntity.created(URI.create("/api/v1/referrals/" + referral.id()))
                        .body(new ReferralCreated(referral.id(), referral.registeredOn(), referral.intakeDeadline(),
                                referral.treatmentDeadline())));
    }

    public record ReferralBody(
            @NotNull @ElevenTest String bsn,
            @NotNull @Past LocalDate dateOfBirth,
            @NotNull @Pattern(regexp = "[1-9][0-9]{3} ?[A-Za-z]{2}", message = "must be a Dutch postcode like 3011 AB") String postcode,
            @NotNull @Pattern(regexp = "\\d{4}", message = "must be a four-digit UZOVI code") String insurerUzovi,
            @NotNull DiagnosisGroup diagnosisGroup,
            @NotNull CareLevel careLevel,
            @NotNull Urgency urgency,
            @Min(0) @Max(1000) Integer maxTravelKm,
            Boolean eHealthAcceptable,
            @NotNull Boolean screeningConsent) {

        ReferralRequest toRequest() {
            return new ReferralRequest(bsn, dateOfBirth, postcode.replace(" ", "").toUpperCase(), insurerUzovi,
                    diagnosisGroup, careLevel, urgency, maxTravelKm, Boolean.TRUE.equals(eHealthAcceptable), screeningConsent);
        }
    }

    public record ReferralCreated(UUID referralId, LocalDate registeredOn, LocalDate intakeDeadline,
            LocalDate treatmentDeadline) {
    }
}
