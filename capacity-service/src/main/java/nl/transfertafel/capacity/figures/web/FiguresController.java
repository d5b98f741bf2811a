package nl.transfertafel.capacity.figures.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.transfertafel.capacity.common.web.Roles;
import nl.transfertafel.capacity.figures.application.Figures;
import nl.transfertafel.capacity.figures.application.FiguresService;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.web.ProblemResponses;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/figures")
@Tag(name = "Transparency figures", description = "Use of registration stops and pauses and open capacity per region")
public class FiguresController {

    private final FiguresService figures;

    public FiguresController(FiguresService figures) {
        this.figures = figures;
    }

    @GetMapping
    @PreAuthorize(Roles.ANY_PERSON)
    @Operation(summary = "Figures of a region", description = "Any role. Left out region = the region in your token. "
            + "Aggregates only: no personal data. The same numbers are Prometheus gauges "
            + "(transfertafel_registration_restrictions_in_force, transfertafel_capacity_open_lines, ...).")
    @ProblemResponses
    public Mono<Figures> figures(Actor actor, @RequestParam(required = false) String region) {
        return figures.figures(region != null ? region : actor.region());
    }
}
