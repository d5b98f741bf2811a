package nl.transfertafel.capacity.restriction.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.capacity.common.domain.Acting;
import nl.transfertafel.capacity.common.domain.Decision;
import nl.transfertafel.capacity.common.domain.Events;
import nl.transfertafel.capacity.common.domain.Outcome;
import nl.transfertafel.capacity.common.domain.PlausibleDates;
import nl.transfertafel.capacity.common.domain.Refusal;
import nl.transfertafel.capacity.common.domain.Today;
import nl.transfertafel.capacity.registry.domain.Provider;
import nl.transfertafel.capacity.registry.domain.ProviderAuthority;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged.Kind;
import nl.transfertafel.contracts.rules.StopOrPause;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;

/**
 * A registration stop (aanmeldstop) or pause (aanmeldpauze) of a provider, for one diagnosis group
 * or (group null) for all. A stop used to hide clients from the waiting list (000:250-264); here it
 * is only a flag that routes referrals meeting it to the transfer table, where they stay visible. A
 * pause is set when the norm is exceeded "so that people can be referred directly to a provider
 * with capacity" (001:29-31, 249-250), and is therefore always for a period with an end. Which one
 * decides for a referral (a stop outranks a pause) is the shared {@link StopOrPause} rule, which also
 * gives {@code inForceOn} and {@code concerns}.
 */
public record RegistrationRestriction(
        UUID id,
        String providerAgb,
        String region,
        Kind kind,
        DiagnosisGroup diagnosisGroup,
        String reason,
        LocalDate from,
        LocalDate until,
        boolean active,
        long version) implements StopOrPause.Restriction {

    public static Outcome<RegistrationRestriction> set(SetRestriction command, Provider provider, Acting acting,
            List<RegistrationRestriction> existing, Clock clock) {
        LocalDate today = Today.of(clock);
        LocalDate from = command.from() != null ? command.from() : today;
        Decision decision = ProviderAuthority.mayMaintain(acting, provider)
                .and(() -> command.reason() != null && !command.reason().isBlank() ? Decision.allow()
                        : Decision.refuse(Refusal.invalid("reason", "NotBlank", "must not be blank")))
                .and(() -> command.kind() != Kind.PAUSE || command.until() != null ? Decision.allow()
                        : Decision.refuse(Refusal.invalid("until", "pause-needs-period",
                                "a registration pause is temporary: give its last day")))
                .and(() -> command.until() == null || !command.until().isBefore(from) ? Decision.allow()
                        : Decision.refuse(Refusal.invalid("until", "not-before-from", "must not be before from")))
                .and(() -> command.until() == null || !command.until().isBefore(today) ? Decision.allow()
                        : Decision.refuse(Refusal.invalid("until", "not-in-past", "must not be in the past")))
                .and(() -> PlausibleDates.notLongPast("from", command.from(), today))
                .and(() -> PlausibleDates.notTooFarAhead("from", command.from(), today))
                .and(() -> PlausibleDates.notTooFarAhead("until", command.until(), today));
        if (decision.refusal().isPresent()) {
            return Outcome.rejected(decision.refusal().get());
        }
        RegistrationRestriction restriction = new RegistrationRestriction(UUID.randomUUID(), provider.agb(),
                provider.region(), command.kind(), command.diagnosisGroup(), command.reason().trim(), from,
                command.until(), true, 0);
        var overlap = RestrictionOverlapPolicy.check(restriction, existing);
        if (overlap.refusal().isPresent()) {
            return Outcome.rejected(overlap.refusal().get());
        }
        return Outcome.done(restriction, restriction.changed(clock));
    }

    /** Lifted by the provider, its representative or ADMIN. Lifting again changes nothing. */
    public Outcome<RegistrationRestriction> lift(Provider provider, Acting acting, Clock clock) {
        var allowed = ProviderAuthority.mayMaintain(acting, provider);
        if (allowed.refusal().isPresent()) {
            return Outcome.rejected(allowed.refusal().get());
        }
        return deactivated(clock);
    }

    /** After its last day a restriction is lifted by itself (housekeeping job). */
    public Outcome<RegistrationRestriction> endIfOver(Clock clock) {
        return until != null && until.isBefore(Today.of(clock)) ? deactivated(clock) : Outcome.unchanged(this);
    }

    private Outcome<RegistrationRestriction> deactivated(Clock clock) {
        if (!active) {
            return Outcome.unchanged(this);
        }
        RegistrationRestriction lifted = new RegistrationRestriction(id, providerAgb, region, kind, diagnosisGroup,
                reason, from, until, false, version + 1);
        return Outcome.done(lifted, lifted.changed(clock));
    }

    private NewEvent changed(Clock clock) {
        return Events.event(clock, region, id.toString(), new RegistrationRestrictionChanged(id.toString(), providerAgb,
                kind, diagnosisGroup, active, reason, from, until));
    }
}
