package nl.transfertafel.transfertable.matching.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;
import nl.transfertafel.transfertable.readmodel.domain.CapacityLine;
import nl.transfertafel.transfertable.readmodel.domain.ContractTerms;
import nl.transfertafel.transfertable.readmodel.domain.RegistrationRestriction;
import nl.transfertafel.transfertable.readmodel.domain.WaitingClient;

/** Test-data builders: aClient().urgent().insuredBy("3311"), aLine().of("22000002").places(2), aContext(). */
public final class TestData {

    public static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    public static final String REGION = "rotterdam";
    public static final String INSURER = "3311";

    private TestData() {
    }

    public static ClientBuilder aClient() {
        return new ClientBuilder();
    }

    public static LineBuilder aLine() {
        return new LineBuilder();
    }

    public static ContextBuilder aContext() {
        return new ContextBuilder();
    }

    public static final class ClientBuilder {
        private String id = "r-1";
        private String area = "3011";
        private String ageBand = "25-34";
        private DiagnosisGroup group = DiagnosisGroup.DEPRESSION;
        private CareLevel level = CareLevel.SPECIALIST;
        private Urgency urgency = Urgency.REGULAR;
        private String insurer = INSURER;
        private LocalDate registered = TODAY.minusDays(40);
        private Integer maxKm = 25;
        private boolean eHealth = false;
        private boolean waitPreferred = false;
        private String preferred;
        private boolean consent = true;
        private String current = "22000001";
        private WaitingStatus status = WaitingStatus.ACTIVE_PLACEMENT;
        private WaitingEntryChanged.Stage stage = WaitingEntryChanged.Stage.WAITING;

        public ClientBuilder id(String v) { id = v; return this; }
        public ClientBuilder livingIn(String v) { area = v; return this; }
        public ClientBuilder aged(String v) { ageBand = v; return this; }
        public ClientBuilder group(DiagnosisGroup v) { group = v; return this; }
        public ClientBuilder level(CareLevel v) { level = v; return this; }
        public ClientBuilder urgent() { urgency = Urgency.URGENT; return this; }
        public ClientBuilder insuredBy(String v) { insurer = v; return this; }
        public ClientBuilder waitedDays(int days) { registered = TODAY.minusDays(days); return this; }
        public ClientBuilder travelsAtMost(Integer km) { maxKm = km; return this; }
        public ClientBuilder acceptsEHealth() { eHealth = true; return this; }
        public ClientBuilder waitsFor(String provider) { waitPreferred = true; preferred = provider; return this; }
        public ClientBuilder withoutConsent() { consent = false; return this; }
        public ClientBuilder currentlyAt(String v) { current = v; return this; }
        public ClientBuilder status(WaitingStatus v) { status = v; return this; }
        public ClientBuilder stage(WaitingEntryChanged.Stage v) { stage = v; return this; }

        public WaitingClient build() {
            return new WaitingClient(id, REGION, "pseudonym_" + id + "_0123456789", "01000001", area, ageBand, group,
                    level, urgency, insurer, registered, maxKm, eHealth, waitPreferred, preferred, consent, current,
                    status, stage, false);
        }
    }

    public static final class LineBuilder {
        private String id = "line-1";
        private String provider = "22000002";
        private ProviderType type = ProviderType.GGZ_INSTITUTION;
        private String area = "3012";
        private Set<DiagnosisGroup> groups = EnumSet.of(DiagnosisGroup.DEPRESSION, DiagnosisGroup.ANXIETY);
        private CareLevel level = CareLevel.SPECIALIST;
        private int places = 1;
        private LocalDate until;
        private Integer minAge = 18;
        private Integer maxAge = 120;
        private Set<String> exclusions = Set.of();
        private CapacityLineChanged.State state = CapacityLineChanged.State.OPEN;
        private boolean active = true;

        public LineBuilder id(String v) { id = v; return this; }
        public LineBuilder of(String v) { provider = v; return this; }
        public LineBuilder type(ProviderType v) { type = v; return this; }
        public LineBuilder at(String v) { area = v; return this; }
        public LineBuilder groups(DiagnosisGroup... v) { groups = EnumSet.of(v[0], v); return this; }
        public LineBuilder level(CareLevel v) { level = v; return this; }
        public LineBuilder places(int v) { places = v; return this; }
        public LineBuilder until(LocalDate v) { until = v; return this; }
        public LineBuilder ages(Integer min, Integer max) { minAge = min; maxAge = max; return this; }
        public LineBuilder excluding(String... v) { exclusions = Set.of(v); return this; }
        public LineBuilder state(CapacityLineChanged.State v) { state = v; return this; }
        public LineBuilder inactiveProvider() { active = false; return this; }

        public CapacityLine build() {
            return new CapacityLine(id, REGION, provider, "Provider " + provider, type, area, groups, level, places,
                    TODAY, until, minAge, maxAge, exclusions, state, active, Instant.parse("2026-11-23T08:00:00Z"));
        }
    }

    public static final class ContextBuilder {
        private final Map<String, ContractTerms> contracts = new HashMap<>();
        private final Map<String, List<RegistrationRestriction>> restrictions = new HashMap<>();
        private final Set<String> refused = new HashSet<>();
        private final Set<String> inProposal = new HashSet<>();
        private final Set<String> transferred = new HashSet<>();
        private final Set<String> unsuitable = new HashSet<>();
        private final Map<String, Integer> held = new HashMap<>();
        private final Set<String> inClosure = new HashSet<>();
        private int defaultMaxKm = 30;

        /** Every given provider contracted by the default insurer, below the ceiling. */
        public ContextBuilder contracted(String... providers) {
            for (String p : providers) {
                contracts.put(ContractTerms.key(INSURER, p), new ContractTerms(INSURER, p, true, false));
            }
            return this;
        }

        public ContextBuilder contract(String insurer, String provider, boolean contracted, boolean ceilingReached) {
            contracts.put(ContractTerms.key(insurer, provider), new ContractTerms(insurer, provider, contracted,
                    ceilingReached));
            return this;
        }

        public ContextBuilder restriction(RegistrationRestriction r) {
            restrictions.computeIfAbsent(r.providerAgb(), k -> new java.util.ArrayList<>()).add(r);
            return this;
        }

        public ContextBuilder refused(String referral, String provider) { refused.add(MatchingContext.pair(referral, provider)); return this; }
        public ContextBuilder inProposal(String referral) { inProposal.add(referral); return this; }
        public ContextBuilder transferred(String referral) { transferred.add(referral); return this; }
        public ContextBuilder unsuitable(String referral) { unsuitable.add(referral); return this; }
        public ContextBuilder held(String line, int places) { held.put(line, places); return this; }
        public ContextBuilder defaultMaxKm(int km) { defaultMaxKm = km; return this; }
        public ContextBuilder inClosureCase(String referral) { inClosure.add(referral); return this; }

        public MatchingContext build() {
            return new MatchingContext(TODAY, defaultMaxKm, contracts, restrictions, refused, inProposal, transferred,
                    unsuitable, held, inClosure);
        }
    }
}
