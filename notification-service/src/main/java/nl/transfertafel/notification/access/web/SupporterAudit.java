package nl.transfertafel.notification.access.web;

import nl.transfertafel.platform.audit.AuditLog;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.security.Role;
import reactor.core.publisher.Mono;

/**
 * Every read and change a client supporter (CLIENT_SUPPORT) makes here is audited (issue 11 item 6):
 * what it sees concerns other people's clients, by their consent. Written before the answer, so an
 * answer that was not audited is never given.
 */
public class SupporterAudit {

    private static final String PURPOSE = "client support for the clients who named this organisation";

    private final AuditLog audit;

    public SupporterAudit(AuditLog audit) {
        this.audit = audit;
    }

    public <T> Mono<T> audited(Actor actor, String action, Mono<T> answer) {
        if (!actor.has(Role.CLIENT_SUPPORT)) {
            return answer;
        }
        return audit.record(actor, null, "notification." + action, PURPOSE).then(answer);
    }
}
