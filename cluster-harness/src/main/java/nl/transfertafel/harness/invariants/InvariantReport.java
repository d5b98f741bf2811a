package nl.transfertafel.harness.invariants;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the invariant check found. Each count is a broken promise (0 everywhere = all hold); the
 * findings say which rows or records, a few per kind, never personal data (ids and codes only).
 */
public final class InvariantReport {

    /** How many findings per kind are kept for printing; the counts are always complete. */
    private static final int EXAMPLES_PER_KIND = 10;

    private final Map<Kind, Long> counts = new LinkedHashMap<>();
    private final Map<Kind, List<String>> examples = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> redeliveryExamples = new ArrayList<>();
    private long redeliveries;

    public enum Kind {
        /** a referral answered 201 missing in intake, its worklist or the transfer table; a webhook notification never received */
        LOST("lost"),
        /**
         * a referral registered twice, a client in two open proposals, a notification the receiver got that
         * notification-service has no record of (a notification sent again under the same webhook id is a
         * redelivery, counted apart: see {@link InvariantReport#redelivered})
         */
        DUPLICATED("duplicated"),
        /** a capacity line with more held or confirmed reservations than places */
        OVERSOLD("oversold"),
        /** an aggregate's events published or consumed against their commit order */
        OUT_OF_ORDER("out_of_order"),
        /** an offer (or a reservation) without two distinct approvals, one from another organisation */
        UNAPPROVED_OFFERS("unapproved_offers"),
        /** pending dead-letter records, dead notification deliveries, parked outbox rows */
        DEAD_LETTERS_LEFT("dead_letters_left"),
        /** outbox rows never published */
        OUTBOX_BACKLOG("outbox_backlog");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public InvariantReport() {
        for (Kind kind : Kind.values()) {
            counts.put(kind, 0L);
            examples.put(kind, new ArrayList<>());
        }
    }

    public synchronized void found(Kind kind, long howMany, String what) {
        if (howMany <= 0) {
            return;
        }
        counts.merge(kind, howMany, Long::sum);
        List<String> list = examples.get(kind);
        if (list.size() < EXAMPLES_PER_KIND) {
            list.add(what);
        }
    }

    public void found(Kind kind, String what) {
        found(kind, 1, what);
    }

    /**
     * A webhook notification that reached the receiver again under the same id: HTTP delivery is at
     * least once (an instance killed between the receiver's 2xx and its own commit sends it again), and
     * a Standard Webhooks receiver takes each {@code webhook-id} once. Not a broken promise, so not in
     * {@link #holds()}; reported as the figure {@code webhook_redeliveries}.
     */
    public synchronized void redelivered(long howMany, String what) {
        redeliveries += howMany;
        if (redeliveryExamples.size() < EXAMPLES_PER_KIND) {
            redeliveryExamples.add(what);
        }
    }

    public synchronized long redeliveries() {
        return redeliveries;
    }

    /** Something the check could not verify (said so rather than counted as fine or broken). */
    public synchronized void note(String note) {
        notes.add(note);
    }

    public synchronized long count(Kind kind) {
        return counts.get(kind);
    }

    public synchronized List<String> examples(Kind kind) {
        return List.copyOf(examples.get(kind));
    }

    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    public synchronized boolean holds() {
        return counts.values().stream().allMatch(c -> c == 0);
    }

    public synchronized Map<String, Long> asFigures() {
        Map<String, Long> figures = new LinkedHashMap<>();
        counts.forEach((kind, count) -> figures.put(kind.key(), count));
        figures.put("webhook_redeliveries", redeliveries);
        return figures;
    }

    @Override
    public synchronized String toString() {
        StringBuilder out = new StringBuilder();
        counts.forEach((kind, count) -> {
            out.append(kind.key()).append('=').append(count).append('\n');
            examples.get(kind).forEach(e -> out.append("  ").append(e).append('\n'));
        });
        out.append("webhook_redeliveries=").append(redeliveries).append(" (same webhook id again; not a broken promise)\n");
        redeliveryExamples.forEach(e -> out.append("  ").append(e).append('\n'));
        notes.forEach(n -> out.append("note: ").append(n).append('\n'));
        return out.toString();
    }
}
