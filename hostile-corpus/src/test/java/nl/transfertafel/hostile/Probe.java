package nl.transfertafel.hostile;

import java.util.Map;
import java.util.Set;

/**
 * One generated request. {@code mutation} is its class (what was done to the valid shape), {@code detail}
 * where (field, parameter, claim). Only a valid control may be accepted; every other probe is hostile and
 * must be refused with a 4xx problem. {@code personalData} are the personal values the request carries
 * that the answer must not echo.
 */
record Probe(WriteEndpoint endpoint, String mutation, String detail, boolean validControl, String pathAndQuery,
        Map<String, String> headers, byte[] body, Set<String> personalData) {

    String describe() {
        return endpoint.service().serviceName() + " " + endpoint.method() + " " + endpoint.path() + " ["
                + mutation + (detail.isEmpty() ? "" : ": " + detail) + "]";
    }
}
