package nl.transfertafel.transfertable.figures.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.transfertable.figures.infrastructure.FiguresRepository;
import nl.transfertafel.transfertable.matching.infrastructure.BlockRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Read-only figures per region, and the insurer's list of transfers its contracts or ceilings blocked. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Figures", description = "Regional figures of the transfer table; blocked transfers for insurers")
public class FiguresController {

    private final FiguresRepository figures;
    private final BlockRepository blocks;

    public FiguresController(FiguresRepository figures, BlockRepository blocks) {
        this.figures = figures;
        this.blocks = blocks;
    }

    @GetMapping("/figures")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'INSURER', 'ADMIN')")
    @Operation(summary = "Figures of my region",
            description = "Region from the token. Proposals (by origin), approvals, rejections, offers, acceptances"
                    + " (by party), completed transfers, declines by reason, ended by outcome, contract/ceiling blocks"
                    + " per insurer, escalations, and the median seconds from the capacity event that freed a place"
                    + " to the engine's proposal. ?since=YYYY-MM-DD (default: everything).")
    public Mono<FiguresRepository.Figures> figures(Actor actor, @RequestParam(required = false) LocalDate since) {
        Instant from = since == null ? Instant.EPOCH : since.atStartOfDay(ZoneOffset.UTC).toInstant();
        return figures.figures(actor.region() == null ? "" : actor.region(), from);
    }

    @GetMapping("/blocked-transfers")
    @PreAuthorize("hasRole('INSURER')")
    @Operation(summary = "Transfers my contracts or budget ceilings blocked",
            description = "Role INSURER: the blocks for its own insured clients (by UZOVI from the token), newest"
                    + " first, in every region or ?region=<code>. liftedAt is set once the contract allows it again.")
    public Flux<BlockRepository.BlockView> blocked(Actor insurer, @RequestParam(required = false) String region) {
        return blocks.forInsurer(insurer.organisation() == null ? "" : insurer.organisation(), region);
    }
}
