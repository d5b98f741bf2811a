package nl.transfertafel.simulator.world;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every figure the simulation uses, by name, with its default and where it comes from. A figure
 * from a source names the source (seed file and lines, or the issue); every other figure is marked
 * as an assumption. All of them can be changed on the command line ({@code --set name=value}), and
 * {@code docs/simulation.md} lists them. Immutable: {@link #with} returns a copy.
 */
public final class Parameters {

    /** One named figure. */
    public record Figure(String name, double value, String meaning, String source) {
    }

    private static final String ASSUMED = "assumption";

    private final Map<String, Figure> figures;

    private Parameters(Map<String, Figure> figures) {
        this.figures = Collections.unmodifiableMap(figures);
    }

    public static Parameters defaults() {
        Map<String, Figure> f = new LinkedHashMap<>();
        // the calendar: a warm-up fills the lists, the measured year is one calendar year, the run-out
        // lets the measured year's clients reach their intake
        put(f, "days.warmup", 184, "days simulated before the measured year (lists fill up)", ASSUMED);
        put(f, "days.measured", 365, "days whose registrations are measured", ASSUMED);
        put(f, "days.runout", 181, "days simulated after the measured year (its clients reach intake)", ASSUMED);
        // the Treeknorm
        put(f, "norm.intakeDays", 28, "Treeknorm: registration to intake", "001:463 (max. 4 weeks)");
        put(f, "norm.treatmentDays", 70, "Treeknorm: intake to start of treatment", "001:463 (max. 10 weeks)");
        // demand
        put(f, "referrals.perYear.demo", 5_000, "registrations a year in the demo region (the pilot's largest provider had ~1,600)",
                ASSUMED + " (scaled from issue 14: Apeldoorn/Zutphen ~1,600 registrations at the largest provider)");
        put(f, "referrals.perYear.national", 12_000, "registrations a year per region in the national run (30 regions)",
                ASSUMED + " (with a mean wait of ~100 days gives ~100,000 waiting: 004:50)");
        put(f, "referrals.weekendFactor", 0.1, "referral rate on Saturday and Sunday relative to a weekday", ASSUMED);
        put(f, "referrals.winterPeak", 0.10, "extra referrals in January-March", ASSUMED);
        put(f, "referrals.summerDip", 0.25, "fewer referrals in July-August", ASSUMED);
        put(f, "clients.urgentShare", 0.10, "share of referrals that are urgent", ASSUMED + " (as demo-data)");
        put(f, "clients.specialistShare", 0.55, "share referred for specialist care", ASSUMED + " (as demo-data)");
        put(f, "clients.basicShare", 0.36, "share referred for basic ggz (the rest: to be assessed)", ASSUMED + " (as demo-data)");
        put(f, "clients.preferenceShare", 0.10, "share who wait for a preferred provider (Wlz status, 002:774-828)", ASSUMED);
        put(f, "clients.consentShare", 0.92, "share who consent to screening by the transfer table", ASSUMED + " (as demo-data)");
        put(f, "clients.eHealthShare", 0.40, "share who accept e-health", ASSUMED);
        put(f, "clients.namedTravelShare", 0.80, "share whose GP named a maximum travel distance (10-50 km; else 30 km)",
                ASSUMED + " (as demo-data)");
        put(f, "clients.leavePerMonth", 0.04, "monthly chance that a waiting client leaves the list on their own",
                ASSUMED + " (Rotterdam found many no longer needed care: domain.md)");
        // supply
        put(f, "capacity.factor", 0.92, "intake places a year relative to the registrations the line receives",
                ASSUMED + " (tuned so that policy none leaves ~50-60% beyond the norm: 004:50-51, 51.8% in May 2022 per issue 14)");
        put(f, "capacity.providerSpread", 0.45, "spread (lognormal sigma) of a provider's capacity relative to its referrals", ASSUMED);
        put(f, "capacity.summerDip", 0.30, "fewer intake places in July-August (holidays)", ASSUMED);
        put(f, "capacity.placeLifetimeDays", 14, "days an announced intake place stays usable before it is lost", ASSUMED);
        put(f, "capacity.directReferralEHealth", 0.3, "GP referral weight of e-health relative to its capacity", ASSUMED);
        put(f, "capacity.directReferralSocial", 0.3, "GP referral weight of the social domain relative to its capacity", ASSUMED);
        put(f, "capacity.staleProviderShare", 0.15, "share of providers whose announcements go stale half of the time", ASSUMED);
        put(f, "contracts.ceilingMin", 0.85, "lowest budget ceiling, as a share of the expected year's intakes", ASSUMED);
        put(f, "contracts.ceilingMax", 1.25, "highest budget ceiling, as a share of the expected year's intakes", ASSUMED);
        // the manual tables
        put(f, "table.casesPerMeeting", 50, "cases a manual table discusses per meeting",
                ASSUMED + " (issue 14: ~600 transfers a year at 26 meetings, 40-50% of those discussed helped)");
        put(f, "table.announcedShare", 0.25, "share of new places providers announce to a transfer table before their own list",
                ASSUMED + " (tuned towards the pilot's ~600 transfers a year: issue 14)");
        put(f, "table.announceDays", 14, "days an announced place waits for the table before it goes to the own list", ASSUMED);
        put(f, "table.staleFailure", 0.20, "share of matches at a meeting that fail because the announced place was gone", ASSUMED);
        // offers and transfers (all tables)
        put(f, "offer.clientAccept", 0.75, "chance a client accepts an offered transfer (zelfregie)", ASSUMED);
        put(f, "offer.providerAccept", 0.90, "chance the receiving provider accepts the client", ASSUMED);
        put(f, "offer.responseDays", 5, "days from offer to the client's and provider's answer", ASSUMED);
        put(f, "transfer.handoverDays", 7, "days from accepted transfer to intake (warm handover)", ASSUMED);
        put(f, "refusal.days", 90, "days a refused client-provider pair is not proposed again",
                "docs/matching-objective.md (90 days)");
        // the continuous table
        put(f, "continuous.coordinators", 2, "coordinators screening proposals (four eyes: 001:210-212)", "domain rule 1");
        put(f, "continuous.approvalsPerDay", 20, "approvals one coordinator gives per working day", ASSUMED);
        put(f, "continuous.screeningReject", 0.10, "share of proposals rejected in screening", ASSUMED);
        // second Treeknorm segment
        put(f, "treatment.meanDaysSpecialist", 45, "mean days from intake to treatment, specialist care", ASSUMED);
        put(f, "treatment.meanDaysBasic", 20, "mean days from intake to treatment, basic ggz", ASSUMED);
        put(f, "treatment.meanDaysLight", 7, "mean days from intake to start, e-health and social domain", ASSUMED);
        // what-ifs (used only when the scenario is switched on)
        put(f, "whatif.capacityIncrease", 0.10, "extra capacity of the provider type named by --more-capacity", "issue 14");
        put(f, "whatif.eHealthShare", 0.60, "share accepting e-health under --more-ehealth", ASSUMED);
        put(f, "whatif.closeAfterDays", 90, "day of the measured year on which --close-provider closes it", ASSUMED);
        put(f, "whatif.ceilingMonth", 10, "month from which --ceiling-reached applies (October)", "issue 14");
        return new Parameters(f);
    }

    private static void put(Map<String, Figure> f, String name, double value, String meaning, String source) {
        f.put(name, new Figure(name, value, meaning, source));
    }

    public double get(String name) {
        Figure figure = figures.get(name);
        if (figure == null) {
            throw new IllegalArgumentException("unknown parameter " + name + "; see --help for the list");
        }
        return figure.value();
    }

    public int days(String name) {
        return (int) Math.round(get(name));
    }

    public Parameters with(String name, double value) {
        Figure old = figures.get(name);
        if (old == null) {
            throw new IllegalArgumentException("unknown parameter " + name + "; see --help for the list");
        }
        Map<String, Figure> copy = new LinkedHashMap<>(figures);
        copy.put(name, new Figure(name, value, old.meaning(), old.source() + "; set on the command line"));
        return new Parameters(copy);
    }

    public Map<String, Figure> all() {
        return figures;
    }
}
