package nl.transfertafel.intake.figures.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.transfertafel.intake.figures.application.FiguresService;
import nl.transfertafel.intake.figures.domain.Figures;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.web.ProblemResponses;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Figures", description = "Transparency figures per region and diagnosis group (counts only)")
public class FiguresController {

    private final FiguresService figures;

    public FiguresController(FiguresService figures) {
        this.figures = figures;
    }

    @GetMapping("/api/v1/figures")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'INSURER', 'PROVIDER', 'ADMIN')")
    @Operation(summary = "Waiting figures", description = """
            Unique number waiting (a client on two lists counts once, by pseudonym), number beyond each Treeknorm, \
            unplaced and stale entries, counts by waiting status, and intakes and treatment starts per month (last 12 \
            months), per diagnosis group and in total. COORDINATOR and INSURER: their own region; PROVIDER: its own \
            list; ADMIN: any region (parameter region, default its own). The same numbers are Prometheus gauges.""")
    @ApiResponse(responseCode = "200", description = "The figures")
    @ProblemResponses(
            invalid = {"KnownRegion: region is not a ggz region code", "NotNull: no region named where one is needed"},
            forbidden = {"own-region-only: another region than your own",
                    "own-figures-only: a region asked by a provider"})
    public Mono<Figures> figures(Actor actor,
            @Parameter(description = "region code; only an ADMIN may name another region than its own")
            @RequestParam(required = false) String region) {
        return figures.figuresFor(actor, region);
    }
}
