package nl.transfertafel.hostile;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The printed account of a run: what was tried, what answered, and every request that broke a rule. */
final class CorpusReport {

    private CorpusReport() {
    }

    static String render(List<Outcome> outcomes, Map<String, Map<String, Long>> hostilePhaseChanges) {
        StringBuilder out = new StringBuilder();
        long hostile = outcomes.stream().filter(o -> !o.probe().validControl()).count();
        out.append("=== Hostile request corpus: ").append(outcomes.size()).append(" requests (").append(hostile)
                .append(" hostile, ").append(outcomes.size() - hostile).append(" valid controls) ===\n");

        out.append("\nRequests per service:\n");
        count(outcomes, o -> o.probe().endpoint().service().serviceName())
                .forEach((service, n) -> out.append(String.format("  %-24s %5d%n", service, n)));

        out.append("\nRequests per class of mutation:\n");
        count(outcomes, o -> o.probe().mutation())
                .forEach((mutation, n) -> out.append(String.format("  %-20s %5d%n", mutation, n)));

        out.append("\nRequests per service and class of mutation:\n");
        count(outcomes, o -> o.probe().endpoint().service().serviceName() + " / " + o.probe().mutation())
                .forEach((key, n) -> out.append(String.format("  %-48s %5d%n", key, n)));

        out.append("\nStatus codes (all requests; -1 = no HTTP answer):\n");
        histogram(out, outcomes);
        out.append("\nStatus codes of the valid controls:\n");
        histogram(out, outcomes.stream().filter(o -> o.probe().validControl()).toList());

        out.append("\nEndpoints tried (").append(outcomes.stream().map(o -> o.probe().endpoint()).distinct().count())
                .append("):\n");
        count(outcomes, o -> o.probe().endpoint().service().serviceName() + " " + o.probe().endpoint())
                .forEach((endpoint, n) -> out.append(String.format("  %-90s %4d%n", endpoint, n)));

        out.append("\nRows changed in the four databases over the hostile phase (any cause, consumers included):\n");
        hostilePhaseChanges.forEach((database, changes) ->
                out.append(String.format("  %-16s %s%n", database, changes.isEmpty() ? "none" : changes)));

        List<Outcome> failed = outcomes.stream().filter(Outcome::failed).toList();
        out.append("\nFailing request classes (service, method, path, mutation, broken rule -> requests, statuses):\n");
        Map<String, List<Outcome>> classes = failed.stream().collect(Collectors.groupingBy(o ->
                o.probe().endpoint().service().serviceName() + " " + o.probe().endpoint() + " [" + o.probe().mutation()
                        + "] " + o.broken().get(0).replaceAll(" \\(.*", ""), TreeMap::new, Collectors.toList()));
        classes.forEach((key, list) -> out.append("  ").append(key).append(" -> ").append(list.size()).append(", ")
                .append(list.stream().map(o -> String.valueOf(o.status())).distinct().sorted().toList()).append('\n'));
        if (classes.isEmpty()) {
            out.append("  none\n");
        }

        out.append("\nEvery failing request (").append(failed.size()).append("):\n");
        for (Outcome outcome : failed) {
            out.append("  ").append(outcome.probe().endpoint().method()).append(' ')
                    .append(outcome.probe().endpoint().service().serviceName()).append(' ')
                    .append(shorten(outcome.probe().pathAndQuery(), 160))
                    .append(" [").append(outcome.probe().mutation()).append(": ").append(outcome.probe().detail())
                    .append("] -> ").append(outcome.status()).append(' ').append(outcome.contentType())
                    .append(" | ").append(String.join("; ", outcome.broken()))
                    .append("\n      body: ").append(outcome.firstOfBody(200)).append('\n');
        }
        List<Outcome> uncertain = outcomes.stream().filter(o -> !o.uncertain().isEmpty()).toList();
        if (!uncertain.isEmpty()) {
            out.append("\nRow changes a consumer may have made while the request ran (not counted as failures):\n");
            uncertain.forEach(o -> out.append("  ").append(o.probe().describe()).append(" -> ").append(o.status())
                    .append(' ').append(o.uncertain()).append('\n'));
        }
        return out.toString();
    }

    private static Map<String, Long> count(List<Outcome> outcomes, Function<Outcome, String> key) {
        return outcomes.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    private static void histogram(StringBuilder out, List<Outcome> outcomes) {
        Map<Integer, Long> statuses = outcomes.stream()
                .collect(Collectors.groupingBy(Outcome::status, TreeMap::new, Collectors.counting()));
        long widest = statuses.values().stream().mapToLong(Long::longValue).max().orElse(1);
        statuses.forEach((status, n) -> out.append(String.format("  %4d %5d %s%n", status, n,
                "#".repeat((int) Math.max(1, 50 * n / widest)))));
    }

    private static String shorten(String text, int characters) {
        return text.length() <= characters ? text : text.substring(0, characters) + "...(" + text.length() + " chars)";
    }
}
