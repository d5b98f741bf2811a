package nl.transfertafel.simulator.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.transfertafel.contracts.vocabulary.ProviderType;
import nl.transfertafel.simulator.run.RunMetrics;

/**
 * The outputs of issue 14 for one policy, as named key/value pairs: the terminal table, the CSV and
 * the closing {@code key=value} line all read from here, so they always agree. The first four keys
 * are the ones the issue names.
 */
public final class Figures {

    private Figures() {
    }

    /** Key, value as printed, and the label for people. */
    public record Figure(String key, String value, String label) {
    }

    public static List<Figure> of(RunMetrics m, int measuredDays) {
        double years = measuredDays / 365.0;
        double weeks = measuredDays / 7.0;
        List<Figure> f = new ArrayList<>();
        f.add(new Figure("started_within_4w", f3(m.startedWithinNormShare()), "share with intake within 4 weeks"));
        f.add(new Figure("mean_wait_days", f1(m.meanIntakeWait()), "mean wait to intake (days)"));
        f.add(new Figure("p90_wait_days", String.valueOf(m.p90IntakeWait()), "90th percentile wait to intake (days)"));
        f.add(new Figure("transfers_per_year", String.valueOf(Math.round(m.transfers / years)), "transfers per year"));
        f.add(new Figure("mean_wait_treatment_days", f1(m.meanTreatmentWait()), "mean wait to treatment (days)"));
        f.add(new Figure("p90_wait_treatment_days", String.valueOf(m.p90TreatmentWait()),
                "90th percentile wait to treatment (days)"));
        f.add(new Figure("intakes_beyond_norm", String.valueOf(m.intakesBeyondNorm), "placed beyond the intake norm"));
        f.add(new Figure("treatments_beyond_norm", String.valueOf(m.treatmentsBeyondNorm),
                "treatment beyond its 10-week norm"));
        f.add(new Figure("approvals_per_week", f1(m.approvals / weeks), "coordinator approvals per week"));
        f.add(new Figure("cases_discussed_per_week", f1(m.casesDiscussed / weeks), "cases discussed per week (meetings)"));
        f.add(new Figure("discussed_helped_share", f3(m.casesDiscussed == 0 ? 0 : (double) m.transfers / m.casesDiscussed),
                "transfers per case discussed (meetings)"));
        f.add(new Figure("places_unused", String.valueOf(m.placesUnused), "intake places left unused"));
        f.add(new Figure("places_unused_share", f3(m.placesOpened == 0 ? 0 : (double) m.placesUnused / m.placesOpened),
                "share of places left unused"));
        f.add(new Figure("blocked_by_contract", String.valueOf(m.contractBlocks), "client-provider pairs blocked: no contract"));
        f.add(new Figure("blocked_by_ceiling", String.valueOf(m.ceilingBlocks), "client-provider pairs blocked: ceiling"));
        f.add(new Figure("registered", String.valueOf(m.registered), "registrations in the measured year"));
        f.add(new Figure("no_fitting_provider", String.valueOf(m.outOfRegion), "of which no fitting provider in the region"));
        f.add(new Figure("left_on_own", String.valueOf(m.left), "left the list on their own"));
        f.add(new Figure("still_waiting_at_end", String.valueOf(m.waitingAtEnd), "still waiting at the end (wait censored)"));
        f.add(new Figure("waiting_at_year_end", String.valueOf(m.waitingAtYearEnd), "waiting on 31 December"));
        f.add(new Figure("beyond_norm_share_at_year_end",
                f3(m.waitingAtYearEnd == 0 ? 0 : (double) m.beyondNormAtYearEnd / m.waitingAtYearEnd),
                "of them beyond the norm"));
        for (ProviderType type : ProviderType.values()) {
            f.add(new Figure("transfers_to_" + type.name().toLowerCase(Locale.ROOT),
                    f3(m.transfers == 0 ? 0 : (double) m.transfersTo[type.ordinal()] / m.transfers),
                    "share of transfers to " + type.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        }
        return f;
    }

    public static Map<String, String> asMap(RunMetrics m, int measuredDays) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Figure figure : of(m, measuredDays)) {
            out.put(figure.key(), figure.value());
        }
        return out;
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
