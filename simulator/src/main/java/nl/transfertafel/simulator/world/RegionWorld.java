package nl.transfertafel.simulator.world;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;
import nl.transfertafel.transfertable.matching.domain.EligibilityPolicies;
import nl.transfertafel.transfertable.readmodel.domain.WaitingClient;

/**
 * One region, fixed for a seed: its providers and lines, its contracts, and the full stream of
 * registrations. Immutable and shared by the runs of all policies; each run keeps its own state.
 */
public final class RegionWorld {

    private static final EligibilityPolicies.PairPolicy GROUP = new EligibilityPolicies.DiagnosisGroupOffered();
    private static final EligibilityPolicies.PairPolicy LEVEL = new EligibilityPolicies.CareLevelOffered();
    private static final EligibilityPolicies.PairPolicy AGE = new EligibilityPolicies.AgeInRange();
    private static final EligibilityPolicies.PairPolicy EXCLUSIONS = new EligibilityPolicies.NotExcluded();

    private final String region;
    private final LocalDate start;
    private final List<ProviderSpec> providers;
    private final List<LineSpec> lines;
    private final Map<String, ContractSpec> contracts;
    private final List<String> insurers;
    private final List<Referral> referrals;
    private final Map<String, List<LineSpec>> fittingCache = new java.util.concurrent.ConcurrentHashMap<>();

    public RegionWorld(String region, LocalDate start, List<ProviderSpec> providers, List<LineSpec> lines,
            Map<String, ContractSpec> contracts, List<String> insurers, List<Referral> referrals) {
        this.region = region;
        this.start = start;
        this.providers = List.copyOf(providers);
        this.lines = List.copyOf(lines);
        this.contracts = Map.copyOf(contracts);
        this.insurers = List.copyOf(insurers);
        this.referrals = List.copyOf(referrals);
    }

    public String region() { return region; }

    public LocalDate start() { return start; }

    public LocalDate date(int day) { return start.plusDays(day); }

    public List<ProviderSpec> providers() { return providers; }

    public List<LineSpec> lines() { return lines; }

    public Map<String, ContractSpec> contracts() { return contracts; }

    public List<String> insurers() { return insurers; }

    /** All registrations, ordered by day. */
    public List<Referral> referrals() { return referrals; }

    /** The client as the transfer table's read model would hold it, waiting at {@code providerAgb}. */
    public static WaitingClient waitingClient(Referral r, LocalDate registeredOn, String providerAgb, boolean eHealth) {
        WaitingStatus status = r.urgent() ? WaitingStatus.URGENT_PLACEMENT
                : r.waitsForPreference() ? WaitingStatus.WAITING_FOR_PREFERENCE : WaitingStatus.ACTIVE_PLACEMENT;
        return new WaitingClient(r.referralId(), r.region(), "sim-" + r.referralId(), null, r.postcodeArea(), r.ageBand(),
                r.group(), r.level(), r.urgent() ? Urgency.URGENT : Urgency.REGULAR, r.insurerUzovi(), registeredOn,
                r.maxTravelKm(), eHealth, r.waitsForPreference(), r.waitsForPreference() ? providerAgb : null,
                r.screeningConsent(), providerAgb, status, WaitingEntryChanged.Stage.WAITING, false);
    }

    /**
     * The lines that can take this client clinically (group, care level, age, exclusions), decided by
     * the transfer table's own policies. E-health and social-domain lines count too; whether the GP
     * refers there is the provider's referral weight.
     */
    public List<LineSpec> fittingLines(Referral r) {
        String key = r.group() + "|" + r.level() + "|" + r.ageBand() + "|" + r.urgent();
        return fittingCache.computeIfAbsent(key, k -> {
            WaitingClient probe = waitingClient(r, start, "", true);
            List<LineSpec> fit = new ArrayList<>();
            for (LineSpec line : lines) {
                var l = line.template();
                if (GROUP.check(probe, l, null).allowed() && LEVEL.check(probe, l, null).allowed()
                        && AGE.check(probe, l, null).allowed() && EXCLUSIONS.check(probe, l, null).allowed()) {
                    fit.add(line);
                }
            }
            return List.copyOf(fit);
        });
    }

    /**
     * The line the GP refers this client to: among providers accepting registrations (the predicate)
     * with a fitting line, picked by referral weight with the client's own uniform; null when none fits.
     */
    public LineSpec homeLine(Referral r, Predicate<LineSpec> accepting) {
        List<LineSpec> fit = fittingLines(r);
        // one candidate line per provider: its first fitting, accepting line
        List<LineSpec> perProvider = new ArrayList<>();
        double total = 0;
        boolean[] seen = new boolean[providers.size()];
        for (LineSpec line : fit) {
            int p = line.provider().index();
            if (!seen[p] && accepting.test(line)) {
                seen[p] = true;
                perProvider.add(line);
                total += line.provider().referralWeight();
            }
        }
        if (perProvider.isEmpty() || total <= 0) {
            return null;
        }
        double target = r.providerChoice() * total;
        for (LineSpec line : perProvider) {
            target -= line.provider().referralWeight();
            if (target < 0) {
                return line;
            }
        }
        return perProvider.get(perProvider.size() - 1);
    }

    /** Seasonal factor for referrals (winter peak, summer dip). */
    public static double referralSeason(LocalDate date, Parameters p) {
        Month m = date.getMonth();
        if (m == Month.JULY || m == Month.AUGUST) {
            return 1 - p.get("referrals.summerDip");
        }
        if (m == Month.JANUARY || m == Month.FEBRUARY || m == Month.MARCH) {
            return 1 + p.get("referrals.winterPeak");
        }
        return 1;
    }

    /** Seasonal factor for intake places (summer holidays). */
    public static double capacitySeason(LocalDate date, Parameters p) {
        Month m = date.getMonth();
        return m == Month.JULY || m == Month.AUGUST ? 1 - p.get("capacity.summerDip") : 1;
    }

    public static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
