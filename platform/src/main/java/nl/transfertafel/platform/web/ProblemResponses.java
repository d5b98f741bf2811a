package nl.transfertafel.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the rules an endpoint can refuse by, so its OpenAPI document lists them as problem+json
 * answers (see {@link ProblemResponsesCustomizer}, registered in every service). What every endpoint
 * has is added without it: 401 and 403 ({@code authentication}, {@code authorisation}) on secured
 * endpoints, 400 ({@code validation}, {@code readable}) where the endpoint takes a body or
 * parameters, and 409 {@code idempotency-key-reused} where it takes an {@code Idempotency-Key}.
 * Each entry reads {@code "rule: when it applies"} (or just {@code "rule"}).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProblemResponses {

    /** 400 rules beyond bean validation, e.g. {@code "not-in-past: availableUntil lies before today"}. */
    String[] invalid() default {};

    /** 403 rules beyond the role check, e.g. {@code "not-your-organisation: another organisation's line"}. */
    String[] forbidden() default {};

    /** What is not found (404, rule {@code not-found}), e.g. {@code "capacity line"}; empty: no 404. */
    String notFound() default "";

    /** 409 rules, e.g. {@code "version-conflict: someone changed it meanwhile"}. */
    String[] conflict() default {};
}
