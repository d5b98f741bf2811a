package nl.transfertafel.platform.probe;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.web.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class ProbeController {

    @GetMapping({"/probe/admin", "/api/probe/admin"})
    @PreAuthorize("hasRole('ADMIN')")
    Mono<Actor> admin(Actor actor) {
        return Mono.just(actor);
    }

    @GetMapping("/probe/service")
    @PreAuthorize("hasRole('SERVICE')")
    Mono<Actor> service(Actor actor) {
        return Mono.just(actor);
    }

    @PostMapping("/probe/validated")
    Mono<Body> validated(@Valid @RequestBody Body body) {
        return Mono.just(body);
    }

    @PostMapping("/probe/conflict")
    Mono<Void> conflict() {
        return Mono.error(ProblemException.conflict("probe-rule", "the probe always conflicts"));
    }

    record Body(@NotNull @Pattern(regexp = "\\d{8}", message = "must be eight digits") String agb,
            @Min(1) int places) {
    }
}
