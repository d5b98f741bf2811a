package nl.transfertafel.hostile;

import java.util.List;
import java.util.Map;

/**
 * What a probe got: status (-1 when no HTTP answer came), content type, body, the rows the target service's
 * database gained or lost while it ran, and the rules it broke (empty: it passed). {@code consumerRan} marks
 * a row change that a Kafka consumer may have made at the same time. {@code countsAfter}: the service's row counts
 * once the answer was in (the counts before the next probe of that service).
 */
record Outcome(Probe probe, int status, String contentType, String body, Map<String, Long> stored, boolean consumerRan,
        List<String> broken, List<String> uncertain, Map<String, Long> countsAfter) {

    boolean failed() {
        return !broken.isEmpty();
    }

    String firstOfBody(int characters) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() <= characters ? flat : flat.substring(0, characters) + "...";
    }
}
