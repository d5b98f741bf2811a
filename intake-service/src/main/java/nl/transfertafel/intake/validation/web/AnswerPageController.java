package nl.transfertafel.intake.validation.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.net.InetSocketAddress;
import java.util.Optional;
import nl.transfertafel.intake.validation.application.ValidationAnswers;
import nl.transfertafel.intake.validation.domain.Answer;
import nl.transfertafel.intake.validation.domain.AttemptLimiter;
import nl.transfertafel.intake.validation.domain.LinkVerdict;
import nl.transfertafel.intake.validation.web.AnswerPageTexts.Lang;
import nl.transfertafel.intake.validation.web.AnswerPageTexts.Words;
import nl.transfertafel.platform.refusal.Refused;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The page behind the single-use link in the client's e-mail: no account, the question only (no
 * name), Dutch or English (the client's language from the link, switchable). Opening the page does
 * not use the link (mail scanners open links too); sending the form does. Unknown, used and expired
 * links, and too many attempts, get a page of their own, never an error. Attempts are limited per
 * link and per client address ({@link AttemptLimiter}, ADR 1401). The page is listed in
 * {@code transfertafel.security.public-paths}; the JSON form of the same is
 * {@link AnswerLinkApiController}.
 */
@Hidden
@RestController
public class AnswerPageController {

    private final ValidationAnswers answers;
    private final LinkAttempts attempts;

    public AnswerPageController(ValidationAnswers answers, LinkAttempts attempts) {
        this.answers = answers;
        this.attempts = attempts;
    }

    @GetMapping("/answer/{token}")
    public Mono<ResponseEntity<String>> page(@PathVariable String token, @RequestParam(required = false) String lang,
            ServerWebExchange exchange) {
        Lang language = Lang.of(lang);
        if (!attempts.allowed(token, exchange)) {
            return Mono.just(tooMany(language, token));
        }
        return answers.inspect(token).map(verdict -> verdict instanceof LinkVerdict.Usable
                ? html(HttpStatus.OK, AnswerPage.form(token, language, false))
                : refusal(verdict, language, token));
    }

    @PostMapping(path = "/answer/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public Mono<ResponseEntity<String>> answer(@PathVariable String token, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            Lang language = Lang.of(Optional.ofNullable(form.getFirst("lang"))
                    .orElse(exchange.getRequest().getQueryParams().getFirst("lang")));
            if (!attempts.allowed(token, exchange)) {
                return Mono.just(tooMany(language, token));
            }
            Optional<Answer> answer = parse(form.getFirst("answer"));
            if (answer.isEmpty()) {
                return answers.inspect(token).map(verdict -> verdict instanceof LinkVerdict.Usable
                        ? html(HttpStatus.BAD_REQUEST, AnswerPage.form(token, language, true))
                        : refusal(verdict, language, token));
            }
            Words words = AnswerPageTexts.of(language);
            return answers.byLink(token, answer.get())
                    .map(result -> result.receipt().isPresent()
                            ? html(HttpStatus.OK, AnswerPage.message(language, words.thanks(), words.thanksDetail(), null))
                            : refusal(result.verdict(), language, token))
                    .onErrorResume(Refused.class, refused -> Mono.just(html(HttpStatus.GONE,
                            AnswerPage.message(language, words.title(), words.used(), null))));
        });
    }

    static Optional<Answer> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Answer.valueOf(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ResponseEntity<String> refusal(LinkVerdict verdict, Lang language, String token) {
        Words words = AnswerPageTexts.of(language);
        String other = "/answer/" + token + "?lang=" + language.other().code;
        if (verdict instanceof LinkVerdict.Used) {
            return html(HttpStatus.GONE, AnswerPage.message(language, words.title(), words.used(), other));
        }
        if (verdict instanceof LinkVerdict.Expired) {
            return html(HttpStatus.GONE, AnswerPage.message(language, words.title(), words.expired(), other));
        }
        if (verdict instanceof LinkVerdict.Usable) {
            return html(HttpStatus.OK, AnswerPage.form(token, language, false));
        }
        // unknown: no language switch either, the address is worth nothing
        return html(HttpStatus.NOT_FOUND, AnswerPage.message(language, words.title(), words.unknown(), null));
    }

    private static ResponseEntity<String> tooMany(Lang language, String token) {
        Words words = AnswerPageTexts.of(language);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .headers(safety())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(LinkAttempts.WINDOW.toSeconds()))
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(AnswerPage.message(language, words.title(), words.tooMany(), null));
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status)
                .headers(safety())
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(body);
    }

    /**
     * The token is in the address: never send it on as a referrer, never cache the page, never let
     * it be framed or run scripts.
     */
    static HttpHeaders safety() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Referrer-Policy", "no-referrer");
        headers.setCacheControl("no-store");
        headers.set("X-Robots-Tag", "noindex, nofollow");
        headers.set("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        return headers;
    }

    /** The address the request came from, for the per-address limit. */
    static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
