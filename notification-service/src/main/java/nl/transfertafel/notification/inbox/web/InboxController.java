package nl.transfertafel.notification.inbox.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.transfertafel.notification.inbox.infrastructure.InboxRepository;
import nl.transfertafel.notification.inbox.infrastructure.InboxRepository.InboxItem;
import nl.transfertafel.platform.security.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

@RestController
@RequestMapping("/api/v1/inbox")
@Tag(name = "Inbox", description = "Thin notifications for the caller's organisation")
public class InboxController {

    private final InboxRepository inbox;

    public InboxController(InboxRepository inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    @Operation(summary = "Notifications for the caller's organisation, newest first")
    public Flux<InboxItem> list(Actor actor) {
        return inbox.forOrganisation(actor.organisation());
    }
}
