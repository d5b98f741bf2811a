package nl.transfertafel.transfertable.readmodel.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.transfertafel.transfertable.readmodel.infrastructure.ReadModelRepository;
import nl.transfertafel.transfertable.readmodel.infrastructure.ReadModelRepository.CapacityLineView;
import nl.transfertafel.transfertable.readmodel.infrastructure.ReadModelRepository.WaitingClientView;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.transfertable.common.application.ActorClaims;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** The coordinator's anonymous view of the region: who waits (by pseudonym) and what is free. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Read model", description = "The region's waiting clients and capacity as the transfer table sees them")
public class ReadModelController {

    private final ReadModelRepository readModel;

    public ReadModelController(ReadModelRepository readModel) {
        this.readModel = readModel;
    }

    @GetMapping("/waiting-clients")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Waiting clients of the coordinator's region (anonymous)")
    public Flux<WaitingClientView> waitingClients(Actor coordinator) {
        return readModel.waitingClients(ActorClaims.region(coordinator));
    }

    @GetMapping("/capacity-lines")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Capacity lines of the coordinator's region")
    public Flux<CapacityLineView> capacityLines(Actor coordinator) {
        return readModel.capacityLines(ActorClaims.region(coordinator));
    }
}
