package nl.transfertafel.capacity.common.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents the problem+json answers of an endpoint beyond those every endpoint has (400 for bad
 * input, 401 without a token, 403 for the wrong role), so the OpenAPI document names each rule.
 * Each entry reads {@code "rule: when it applies"}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProblemResponses {

    /** 403 rules beyond the role check, e.g. {@code "not-your-organisation: ..."}. */
    String[] forbidden() default {};

    /** What is not found (404), e.g. {@code "capacity line"}; empty when the endpoint has no 404. */
    String notFound() default "";

    /** 409 rules. */
    String[] conflict() default {};
}
