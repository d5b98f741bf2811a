package nl.transfertafel.intake.figures.application;

import java.time.Clock;
import java.time.LocalDate;
import nl.transfertafel.contracts.vocabulary.Regions;
import nl.transfertafel.intake.figures.domain.Figures;
import nl.transfertafel.intake.figures.infrastructure.FiguresRepository;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.security.Role;
import nl.transfertafel.intake.validation.domain.RoundFigures;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who sees which figures: coordinators and insurers their own region, a provider its own list,
 * an administrator any region. Figures are counts only, so reading them is not audited.
 */
public class FiguresService {

    public static final int MONTHS = 12;

    /** The newest validation rounds of a scope (implemented by the validation feature). */
    public interface RecentRounds {
        Flux<RoundFigures> newest(Figures.Scope scope, int limit);
    }

    private final FiguresRepository figures;
    private final RecentRounds rounds;
    private final Clock clock;

    public FiguresService(FiguresRepository figures, RecentRounds rounds, Clock clock) {
        this.figures = figures;
        this.rounds = rounds;
        this.clock = clock;
    }

    public Mono<Figures> figuresFor(Actor actor, String requestedRegion) {
        return Mono.defer(() -> {
            Figures.Scope scope = scope(actor, requestedRegion);
            return figures.figures(scope, LocalDate.now(clock), MONTHS)
                    .flatMap(found -> rounds.newest(scope, Figures.VALIDATION_ROUNDS).collectList()
                            .map(found::withValidationRounds));
        });
    }

    static Figures.Scope scope(Actor actor, String requestedRegion) {
        if (requestedRegion != null && !Regions.isKnown(requestedRegion)) {
            throw Refused.invalid("region", "KnownRegion", "not a known ggz region code");
        }
        if (actor.has(Role.ADMIN)) {
            String region = requestedRegion != null ? requestedRegion : actor.region();
            if (!Regions.isKnown(region)) {
                throw Refused.invalid("region", "NotNull", "name the region whose figures you want");
            }
            return new Figures.Scope.Region(region);
        }
        if (actor.has(Role.COORDINATOR) || actor.has(Role.INSURER)) {
            if (requestedRegion != null && !requestedRegion.equals(actor.region())) {
                throw Refused.forbidden("own-region-only", "You see the figures of your own region only.");
            }
            return new Figures.Scope.Region(actor.region());
        }
        if (actor.has(Role.PROVIDER)) {
            if (requestedRegion != null) {
                throw Refused.forbidden("own-figures-only",
                        "A provider sees its own figures; the region's figures are for coordinators and insurers.");
            }
            return new Figures.Scope.Provider(actor.organisation());
        }
        throw Refused.forbidden("authorisation", "Your role does not see figures.");
    }
}
