package nl.transfertafel.capacity.contract.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import nl.transfertafel.capacity.common.web.Actors;
import nl.transfertafel.capacity.contract.application.ContractService;
import nl.transfertafel.capacity.contract.domain.BudgetCeilingPolicy;
import nl.transfertafel.capacity.contract.domain.Contract;
import nl.transfertafel.capacity.contract.domain.ContractTerms;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.security.Role;
import nl.transfertafel.platform.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/contracts")
@Tag(name = "Contracts and budget ceilings", description = "Per insurer and provider: contracted or not, and whether "
        + "the budget ceiling is reached. The transfer table never proposes a client to a provider the client's "
        + "insurer has not contracted or whose ceiling is reached (it lists such blocks itself).")
public class ContractController {

    private final ContractService contracts;

    public ContractController(ContractService contracts) {
        this.contracts = contracts;
    }

    @Schema(description = "The contract terms. With a ceiling amount, the ceiling is reached when usedEuro >= ceilingEuro; "
            + "without amounts, say so with ceilingReached.")
    public record ContractBody(@NotNull Boolean contracted, @PositiveOrZero Long ceilingEuro,
            @PositiveOrZero Long usedEuro, Boolean ceilingReached,
            @Schema(description = "The version you read (0 for a new contract); 409 version-conflict when it moved.")
            Long version) {
    }

    public record ContractView(String insurerUzovi, String providerAgb, boolean contracted, Long ceilingEuro,
            Long usedEuro, boolean ceilingReached, BudgetCeilingPolicy.Verdict transfers, long version) {

        static ContractView of(Contract c) {
            return new ContractView(c.insurerUzovi(), c.providerAgb(), c.contracted(), c.ceilingEuro(), c.usedEuro(),
                    c.ceilingReached(), BudgetCeilingPolicy.mayReceive(c), c.version());
        }
    }

    @PutMapping("/{insurerUzovi}/{providerAgb}")
    @PreAuthorize("hasAnyRole('INSURER','ADMIN')")
    @Operation(summary = "Set the contract of an insurer with a provider", description = "Role INSURER for its own "
            + "UZOVI (from the token), or ADMIN. Emits ContractChanged when anything changed. 201 for a new contract.")
    @ProblemResponses(invalid = "needs-contract: a budget ceiling without a contract",
            forbidden = "not-your-contract: another insurer's contract", notFound = "provider",
            conflict = "version-conflict: the contract changed since the version you sent")
    public Mono<ResponseEntity<ContractView>> put(Actor actor, @PathVariable String insurerUzovi,
            @PathVariable String providerAgb, @Valid @RequestBody ContractBody body) {
        return contracts.put(Actors.acting(actor), insurerUzovi, providerAgb, new ContractTerms(body.contracted(),
                        body.ceilingEuro(), body.usedEuro(), body.ceilingReached(), body.version()))
                .map(saved -> ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(ContractView.of(saved.contract())));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('INSURER','PROVIDER','ADMIN')")
    @Operation(summary = "List contracts", description = "An insurer sees its own contracts, a provider those with it, "
            + "ADMIN all (optionally filtered). `transfers` says whether the policy lets transfers through.")
    @ProblemResponses(forbidden = {"not-your-contract: an insurer asking for another insurer's contracts",
            "not-your-organisation: a provider asking for another provider's contracts"})
    public Flux<ContractView> list(Actor actor, @RequestParam(required = false) String insurerUzovi,
            @RequestParam(required = false) String providerAgb) {
        return contracts.list(Actors.acting(actor), actor.has(Role.INSURER), actor.has(Role.PROVIDER), insurerUzovi,
                providerAgb).map(ContractView::of);
    }
}
