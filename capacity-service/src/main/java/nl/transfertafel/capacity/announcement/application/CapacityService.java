package nl.transfertafel.capacity.announcement.application;

import java.time.Clock;
import nl.transfertafel.capacity.announcement.domain.AnnounceCapacity;
import nl.transfertafel.capacity.announcement.domain.CapacityAnnouncement;
import nl.transfertafel.capacity.announcement.infrastructure.CapacityLineRepository;
import nl.transfertafel.platform.events.Outbox;
import nl.transfertafel.platform.security.Actor;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Records capacity announcements; the line and its CapacityAnnounced event commit together. */
public class CapacityService {

    private final CapacityLineRepository lines;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    public CapacityService(CapacityLineRepository lines, Outbox outbox, TransactionalOperator tx, Clock clock) {
        this.lines = lines;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    public Mono<CapacityAnnouncement> announce(Actor provider, AnnounceCapacity command) {
        return Mono.defer(() -> {
            CapacityAnnouncement.Announced announced = CapacityAnnouncement.announce(provider.organisation(),
                    provider.region(), command, clock);
            return lines.insert(announced.line())
                    .then(outbox.append(announced.event()))
                    .thenReturn(announced.line());
        }).as(tx::transactional);
    }
}
