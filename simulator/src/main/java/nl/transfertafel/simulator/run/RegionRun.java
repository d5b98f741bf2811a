package nl.transfertafel.simulator.run;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.ProviderType;
import nl.transfertafel.simulator.world.ContractSpec;
import nl.transfertafel.simulator.world.LineSpec;
import nl.transfertafel.simulator.world.Parameters;
import nl.transfertafel.simulator.world.ProviderSpec;
import nl.transfertafel.simulator.world.Referral;
import nl.transfertafel.simulator.world.RegionWorld;
import nl.transfertafel.simulator.world.Scenario;
import nl.transfertafel.simulator.world.Streams;
import nl.transfertafel.simulator.world.WorldFactory;
import nl.transfertafel.transfertable.matching.domain.BlockReason;
import nl.transfertafel.transfertable.matching.domain.MatchingContext;
import nl.transfertafel.transfertable.readmodel.domain.CapacityLine;
import nl.transfertafel.transfertable.readmodel.domain.ContractTerms;
import nl.transfertafel.transfertable.readmodel.domain.RegistrationRestriction;

/**
 * The discrete-event simulation of one region under one transfer policy, in steps of a day. Each day,
 * in this order: what-if events; registrations (the GP refers to a fitting provider, see
 * {@link RegionWorld#homeLine}); clients leaving the list on their own; lines opening this week's
 * places; providers filling free places from their own lists; the transfer policy; places that
 * were not used in time are lost. Bookkeeping is checked at the end ({@link #checkBooks()}).
 */
public final class RegionRun {

    /** Default maximum travel distance when the GP named none (transfer-table default). */
    public static final int DEFAULT_MAX_TRAVEL_KM = 30;

    private final RegionWorld world;
    private final Parameters p;
    private final Scenario scenario;
    private final TransferPolicy policy;
    private final List<LineState> lines = new ArrayList<>();
    private final List<ClientState> clients = new ArrayList<>();
    private final List<ClientState> active = new ArrayList<>();
    private final List<List<ClientState>> leaving = new ArrayList<>();
    private final Map<String, ContractTerms> contractTerms = new HashMap<>();
    private final Map<String, int[]> ceilingUse = new HashMap<>();
    private final Map<String, List<RegistrationRestriction>> restrictions = new HashMap<>();
    private final Set<String> refusedPairs = new HashSet<>();
    private final ArrayDeque<Object[]> refusalExpiry = new ArrayDeque<>();
    private final Set<String> inProposal = new HashSet<>();
    private final Set<String> transferredIds = new HashSet<>();
    private final Set<String> contractBlockPairs = new HashSet<>();
    private final boolean[] providerClosed;
    private final int warmup;
    private final int measuredEnd;
    private final int totalDays;
    private final int norm;
    private final double[] capacityFactor;
    private final RunMetrics metrics = new RunMetrics();
    private ProviderSpec closedProvider;
    private int closeDay = -1;
    private int stopProviderIndex = -1;
    private int ceilingDay = -1;
    private int today;
    private int stepped;
    private boolean finished;

    public RegionRun(RegionWorld world, Parameters p, Scenario scenario, TransferPolicy policy) {
        this.world = world;
        this.p = p;
        this.scenario = scenario;
        this.policy = policy;
        this.warmup = p.days("days.warmup");
        this.measuredEnd = warmup + p.days("days.measured");
        this.totalDays = measuredEnd + p.days("days.runout");
        this.norm = p.days("norm.intakeDays");
        this.providerClosed = new boolean[world.providers().size()];
        this.capacityFactor = new double[world.providers().size()];
        for (ProviderSpec provider : world.providers()) {
            capacityFactor[provider.index()] = provider.type() == scenario.moreCapacityFor()
                    ? 1 + p.get("whatif.capacityIncrease") : 1;
        }
        for (LineSpec spec : world.lines()) {
            lines.add(new LineState(spec));
        }
        for (int d = 0; d <= totalDays; d++) {
            leaving.add(null);
        }
        for (ContractSpec c : world.contracts().values()) {
            contractTerms.put(ContractTerms.key(c.insurerUzovi(), c.providerAgb()),
                    new ContractTerms(c.insurerUzovi(), c.providerAgb(), c.contracted(), false));
        }
        metrics.waitingByWeek = new long[totalDays / 7 + 1];
        metrics.beyondNormByWeek = new long[totalDays / 7 + 1];
        metrics.transfersByMonth = new long[totalDays / 28 + 14];
        prepareScenario();
    }

    private void prepareScenario() {
        if (scenario.closeLargestProvider()) {
            closedProvider = largestProvider(null);
            closeDay = warmup + p.days("whatif.closeAfterDays");
        }
        if (scenario.stopFor() != null) {
            ProviderSpec stopped = largestProvider(scenario.stopFor());
            if (stopped != null) {
                stopProviderIndex = stopped.index();
                LocalDate from = world.date(warmup);
                LocalDate until = world.date(measuredEnd - 1);
                restrictions.computeIfAbsent(stopped.agb(), k -> new ArrayList<>()).add(new RegistrationRestriction(
                        stopped.agb(), RegistrationRestrictionChanged.Kind.STOP, scenario.stopFor(), from, until));
            }
        }
        if (scenario.ceilingReachedBy() != null) {
            LocalDate measuredYearStart = world.date(warmup);
            LocalDate from = LocalDate.of(measuredYearStart.getYear(), p.days("whatif.ceilingMonth"), 1);
            ceilingDay = (int) (from.toEpochDay() - world.start().toEpochDay());
        }
    }

    /** The provider with the largest expected intake capacity (of one diagnosis group, or overall). */
    private ProviderSpec largestProvider(nl.transfertafel.contracts.vocabulary.DiagnosisGroup group) {
        double[] size = new double[world.providers().size()];
        for (LineSpec line : world.lines()) {
            if (group == null || line.template().diagnosisGroups().contains(group)) {
                size[line.provider().index()] += line.weeklyMean();
            }
        }
        int best = -1;
        for (int i = 0; i < size.length; i++) {
            if (size[i] > 0 && (best < 0 || size[i] > size[best])) {
                best = i;
            }
        }
        return best < 0 ? null : world.providers().get(best);
    }

    /** Runs every day; {@code progress} receives each finished day. */
    public RunMetrics run(IntConsumer progress) {
        for (int day = 0; day < totalDays; day++) {
            step(day);
            progress.accept(day);
        }
        return finish();
    }

    /** Simulates one day; days must be stepped in order from 0 (tests step by hand). */
    public void step(int day) {
        if (day != stepped) {
            throw new IllegalStateException("day " + day + " stepped out of order; next is " + stepped);
        }
        stepped++;
        today = day;
        scenarioEvents(day);
        registrations(day);
        leavers(day);
        openPlaces(day);
        fillFromOwnLists(day);
        policy.onDay(this, day);
        losePlaces(day);
        if (day % 7 == 6) {
            weeklyFigures(day);
        }
        if (day == measuredEnd - 1) {
            yearEndFigures(day);
        }
    }

    /** Ends the run: open proposals are released, the figures computed, the books checked. */
    public RunMetrics finish() {
        collectFigures();
        finished = true;
        checkBooks();
        return metrics;
    }

    /**
     * Opens extra places on a line today, on top of its weekly places: for hand-made scenarios in
     * tests, where the exact places matter.
     */
    public void addPlaces(LineState line, int places, int day) {
        for (int k = 0; k < places; k++) {
            line.freePlaces.add(day + p.days("capacity.placeLifetimeDays"));
        }
        line.opened += places;
        if (measured(day)) {
            metrics.placesOpened += places;
        }
    }

    // ------------------------------------------------------------------------------------ the day

    private void scenarioEvents(int day) {
        LocalDate date = world.date(day);
        if (date.getMonth() == Month.JANUARY && date.getDayOfMonth() == 1) {
            // budget ceilings are per calendar year
            ceilingUse.clear();
            for (Map.Entry<String, ContractTerms> e : contractTerms.entrySet()) {
                ContractTerms t = e.getValue();
                if (t.ceilingReached()) {
                    e.setValue(new ContractTerms(t.insurerUzovi(), t.providerAgb(), t.contracted(), false));
                }
            }
        }
        if (day == ceilingDay) {
            for (Map.Entry<String, ContractTerms> e : contractTerms.entrySet()) {
                ContractTerms t = e.getValue();
                if (t.insurerUzovi().equals(scenario.ceilingReachedBy())) {
                    e.setValue(new ContractTerms(t.insurerUzovi(), t.providerAgb(), t.contracted(), true));
                }
            }
        }
        if (day == closeDay && closedProvider != null) {
            closeProvider(closedProvider, day);
        }
    }

    /** A provider closes: its places are lost and its waiting list is referred elsewhere, clocks kept. */
    private void closeProvider(ProviderSpec provider, int day) {
        providerClosed[provider.index()] = true;
        List<ClientState> moving = new ArrayList<>();
        for (LineState line : lines) {
            if (line.spec.provider().index() != provider.index()) {
                continue;
            }
            line.closed = true;
            while (!line.freePlaces.isEmpty()) {
                line.freePlaces.poll();
                lose(line, day);
            }
            while (!line.announcedExpiry.isEmpty()) {
                line.announcedExpiry.poll();
                line.announcedReturn.poll();
                lose(line, day);
            }
            for (ClientState c : line.ownList) {
                if (c.line == line && c.waiting()) {
                    moving.add(c);
                }
            }
            line.ownList.clear();
        }
        for (ClientState c : moving) {
            if (c.hold != null) {
                release(c.hold, day, false);
            }
            LineSpec home = world.homeLine(c.referral, line -> accepting(line, c.referral));
            if (home == null) {
                continue; // stays on the closed provider's list; counted as waiting at the end
            }
            c.line = lines.get(home.index());
            c.line.ownList.add(c);
        }
        for (LineState line : lines) {
            if (line.closed) {
                // a hold on a closed line can no longer lead to an intake there
                for (ClientState c : active) {
                    if (c.hold != null && c.hold.line == line) {
                        release(c.hold, day, false);
                    }
                }
            }
        }
    }

    private boolean accepting(LineSpec line, Referral r) {
        int provider = line.provider().index();
        if (providerClosed[provider]) {
            return false;
        }
        // a registration stop for the client's group: the GP refers elsewhere (domain rule 4: the
        // stop never hides a client; the table's NoStopOrPause policy keeps transfers away too)
        return !(provider == stopProviderIndex && r.group() == scenario.stopFor() && today >= warmup && today < measuredEnd);
    }

    private void registrations(int day) {
        List<Referral> all = world.referrals();
        // referrals are ordered by day; a binary search finds today's
        int from = firstReferralOf(all, day);
        for (int i = from; i < all.size() && all.get(i).day() == day; i++) {
            Referral r = all.get(i);
            boolean measured = measured(day);
            if (measured) {
                metrics.registered++;
            }
            LineSpec home = world.homeLine(r, line -> accepting(line, r));
            if (home == null) {
                if (measured) {
                    metrics.outOfRegion++;
                }
                continue;
            }
            ClientState c = new ClientState(r, lines.get(home.index()));
            clients.add(c);
            active.add(c);
            c.line.ownList.add(c);
            int leaveDay = day + r.leaveAfterDays();
            if (leaveDay < totalDays) {
                List<ClientState> bucket = leaving.get(leaveDay);
                if (bucket == null) {
                    bucket = new ArrayList<>();
                    leaving.set(leaveDay, bucket);
                }
                bucket.add(c);
            }
        }
    }

    private int searchHint;

    private int firstReferralOf(List<Referral> all, int day) {
        while (searchHint < all.size() && all.get(searchHint).day() < day) {
            searchHint++;
        }
        return searchHint;
    }

    private void leavers(int day) {
        List<ClientState> bucket = leaving.get(day);
        if (bucket == null) {
            return;
        }
        for (ClientState c : bucket) {
            if (c.stage == ClientState.Stage.WAITING) {
                if (c.hold != null) {
                    release(c.hold, day, false);
                }
                c.stage = ClientState.Stage.LEFT;
            }
        }
        leaving.set(day, null);
    }

    private void openPlaces(int day) {
        LocalDate date = world.date(day);
        int weekday = date.getDayOfWeek().getValue() - 1;
        int lifetime = p.days("capacity.placeLifetimeDays");
        double season = RegionWorld.capacitySeason(date, p);
        for (LineState line : lines) {
            if (line.closed || line.spec.openingDay() != weekday) {
                continue;
            }
            double mean = line.spec.weeklyMean() * season * capacityFactor[line.spec.provider().index()];
            int places = Streams.poisson(mean, Streams.uniform(line.spec.stream(), day / 7));
            // a share goes to the transfer table first (the providers' insight into each other's
            // capacity, 004:617-620); the rest, and what the table leaves, to the own list
            int announced = 0;
            if (policy.receivesAnnouncements()) {
                double u = Streams.uniform(line.spec.stream(), 1_000_000L + day / 7);
                announced = Math.min(places, (int) Math.floor(places * p.get("table.announcedShare") + u));
            }
            for (int k = 0; k < announced; k++) {
                line.announcedExpiry.add(day + lifetime);
                line.announcedReturn.add(day + p.days("table.announceDays"));
            }
            for (int k = announced; k < places; k++) {
                line.freePlaces.add(day + lifetime);
            }
            line.opened += places;
            if (measured(day)) {
                metrics.placesOpened += places;
            }
        }
    }

    private void fillFromOwnLists(int day) {
        for (LineState line : lines) {
            while (!line.announcedReturn.isEmpty() && line.announcedReturn.peek() <= day) {
                line.announcedReturn.poll();
                insertFree(line, line.announcedExpiry.poll());
            }
            while (!line.freePlaces.isEmpty() && !line.ownList.isEmpty()) {
                ClientState c = line.ownList.poll();
                if (c.stage != ClientState.Stage.WAITING || c.line != line) {
                    continue; // left, transferred or moved: removed lazily
                }
                if (c.hold != null) {
                    release(c.hold, day, false); // the own provider came first
                }
                line.freePlaces.poll();
                line.usedOwn++;
                startIntake(c, line, day);
            }
        }
    }

    private void losePlaces(int day) {
        for (LineState line : lines) {
            while (!line.freePlaces.isEmpty() && line.freePlaces.peek() <= day) {
                line.freePlaces.poll();
                lose(line, day);
            }
            while (!line.announcedExpiry.isEmpty() && line.announcedExpiry.peek() <= day) {
                line.announcedExpiry.poll();
                line.announcedReturn.poll();
                lose(line, day);
            }
        }
    }

    private void lose(LineState line, int day) {
        line.unused++;
        if (measured(day)) {
            metrics.placesUnused++;
        }
    }

    private void weeklyFigures(int day) {
        int week = day / 7;
        long waiting = 0;
        long beyond = 0;
        int kept = 0;
        for (int i = 0; i < active.size(); i++) {
            ClientState c = active.get(i);
            if (notYetStarted(c, day)) {
                waiting++;
                if (day - c.registeredDay > norm) {
                    beyond++;
                }
                active.set(kept++, c);
            }
        }
        active.subList(kept, active.size()).clear();
        metrics.waitingByWeek[week] = waiting;
        metrics.beyondNormByWeek[week] = beyond;
    }

    /** On a waiting list, or transferred with the intake still ahead. */
    private static boolean notYetStarted(ClientState c, int day) {
        return c.stage == ClientState.Stage.WAITING
                || c.stage == ClientState.Stage.INTAKE_PLANNED && c.intakeDay > day;
    }

    private void yearEndFigures(int day) {
        for (ClientState c : active) {
            if (notYetStarted(c, day)) {
                metrics.waitingAtYearEnd++;
                if (day - c.registeredDay > norm) {
                    metrics.beyondNormAtYearEnd++;
                }
            }
        }
    }

    // ----------------------------------------------------------------------- intake and transfers

    private void startIntake(ClientState c, LineState line, int day) {
        if (c.intakeDay >= 0 || c.stage == ClientState.Stage.STARTED) {
            throw new IllegalStateException("client " + c.referral.referralId() + " placed twice");
        }
        c.stage = ClientState.Stage.STARTED;
        c.intakeDay = day;
        c.line = line;
        c.treatmentDay = day + treatmentDelay(c, line);
        countIntake(c, line);
    }

    private int treatmentDelay(ClientState c, LineState line) {
        ProviderType type = line.spec.provider().type();
        double mean = type == ProviderType.E_HEALTH || type == ProviderType.SOCIAL_DOMAIN
                ? p.get("treatment.meanDaysLight")
                : line.spec.template().careLevel() == CareLevel.BASIC || c.referral.level() == CareLevel.BASIC
                        ? p.get("treatment.meanDaysBasic") : p.get("treatment.meanDaysSpecialist");
        double u = c.referral.draw(Referral.Purpose.TREATMENT_DELAY, 0);
        return (int) Math.round(-mean * Math.log(1 - u));
    }

    /** Budget ceilings count every intake of the calendar year (own list and transfers alike). */
    private void countIntake(ClientState c, LineState line) {
        String key = WorldFactory.key(c.referral.insurerUzovi(), line.spec.provider().agb());
        ContractSpec spec = world.contracts().get(key);
        if (spec == null || !spec.contracted()) {
            return;
        }
        int[] used = ceilingUse.computeIfAbsent(key, k -> new int[1]);
        used[0]++;
        if (used[0] >= spec.ceilingIntakes()) {
            ContractTerms t = contractTerms.get(key);
            if (t != null && !t.ceilingReached()) {
                contractTerms.put(key, new ContractTerms(t.insurerUzovi(), t.providerAgb(), t.contracted(), true));
            }
        }
    }

    /** Takes the line's place that expires first out of the line and holds it for the client. */
    public Hold hold(ClientState c, LineState line, int day) {
        if (c.hold != null || c.stage != ClientState.Stage.WAITING) {
            throw new IllegalStateException("client " + c.referral.referralId() + " cannot be held twice");
        }
        Integer expiry;
        if (!line.announcedExpiry.isEmpty()) {
            line.announcedReturn.poll();
            expiry = line.announcedExpiry.poll();
        } else {
            expiry = line.freePlaces.poll();
        }
        if (expiry == null) {
            throw new IllegalStateException("line " + line.spec.id() + " has no free place to hold");
        }
        line.held++;
        Hold hold = new Hold(c, line, expiry, day);
        c.hold = hold;
        inProposal.add(c.referral.referralId());
        return hold;
    }

    /** Gives a held place back (or loses it, if its time passed); a refusal blocks the pair for a while. */
    public void release(Hold hold, int day, boolean refusedPair) {
        if (!hold.open) {
            return;
        }
        hold.open = false;
        hold.client.hold = null;
        inProposal.remove(hold.client.referral.referralId());
        LineState line = hold.line;
        line.held--;
        if (hold.placeExpiry > day && !line.closed) {
            insertFree(line, hold.placeExpiry);
        } else {
            lose(line, day);
        }
        if (refusedPair) {
            String pair = MatchingContext.pair(hold.client.referral.referralId(), line.spec.provider().agb());
            refusedPairs.add(pair);
            refusalExpiry.add(new Object[] {day + p.days("refusal.days"), pair});
        }
    }

    /** Puts a place back among the free ones, in order of the day it expires. */
    private static void insertFree(LineState line, int expiry) {
        if (line.freePlaces.isEmpty() || line.freePlaces.peekLast() <= expiry) {
            line.freePlaces.addLast(expiry);
            return;
        }
        ArrayDeque<Integer> sorted = new ArrayDeque<>(line.freePlaces.size() + 1);
        boolean added = false;
        for (Integer e : line.freePlaces) {
            if (!added && expiry <= e) {
                sorted.add(expiry);
                added = true;
            }
            sorted.add(e);
        }
        line.freePlaces.clear();
        line.freePlaces.addAll(sorted);
    }

    /** The transfer is accepted: the held place is the client's, intake after the warm handover. */
    public void completeTransfer(Hold hold, int day) {
        if (!hold.open) {
            throw new IllegalStateException("transfer on a closed hold");
        }
        ClientState c = hold.client;
        hold.open = false;
        c.hold = null;
        inProposal.remove(c.referral.referralId());
        transferredIds.add(c.referral.referralId());
        LineState line = hold.line;
        line.held--;
        line.usedTransfer++;
        c.transferred = true;
        c.line = line;
        c.stage = ClientState.Stage.INTAKE_PLANNED;
        int intake = day + p.days("transfer.handoverDays");
        c.intakeDay = intake;
        c.treatmentDay = intake + treatmentDelay(c, line);
        countIntake(c, line);
        if (measured(day)) {
            metrics.transfers++;
            metrics.transfersTo[line.spec.provider().type().ordinal()]++;
        }
        int month = monthIndex(day);
        if (month < metrics.transfersByMonth.length) {
            metrics.transfersByMonth[month]++;
        }
    }

    private int monthIndex(int day) {
        LocalDate d = world.date(day);
        LocalDate s = world.start();
        return (d.getYear() - s.getYear()) * 12 + d.getMonthValue() - s.getMonthValue();
    }

    // ----------------------------------------------------------------------- what policies see

    public RegionWorld world() { return world; }

    public Parameters parameters() { return p; }

    public RunMetrics metrics() { return metrics; }

    public List<LineState> lines() { return lines; }

    public List<ClientState> clients() { return clients; }

    public int warmupDays() { return warmup; }

    public int totalDays() { return totalDays; }

    public boolean measured(int day) {
        return day >= warmup && day < measuredEnd;
    }

    public boolean acceptsEHealth(Referral r) {
        double share = scenario.moreEHealth() ? p.get("whatif.eHealthShare") : p.get("clients.eHealthShare");
        return r.eHealthDraw() < share;
    }

    /** Waiting clients (in registration order), including those in an open proposal. */
    public List<ClientState> waitingClients() {
        List<ClientState> out = new ArrayList<>();
        for (ClientState c : active) {
            if (c.stage == ClientState.Stage.WAITING) {
                out.add(c);
            }
        }
        return out;
    }

    public List<LineState> linesWithFreePlaces() {
        List<LineState> out = new ArrayList<>();
        for (LineState line : lines) {
            if (!line.closed && line.free() > 0) {
                out.add(line);
            }
        }
        return out;
    }

    /**
     * The line as the transfer table's read model would show it today. A provider that updates its
     * announcements late has its lines flagged stale half of the weeks ({@code LINE_STALE} blocks them).
     */
    public CapacityLine lineView(LineState line, int day, boolean flagStale) {
        CapacityLine t = line.spec.template();
        ProviderSpec provider = line.spec.provider();
        boolean stale = flagStale && provider.staleAnnouncer() && ((day / 7 + provider.index()) % 2 == 0);
        return new CapacityLine(t.capacityLineId(), t.region(), t.providerAgb(), t.providerName(), t.providerType(),
                t.postcodeArea(), t.diagnosisGroups(), t.careLevel(), line.free(), null, null, t.minAge(),
                t.maxAge(), t.exclusions(), stale ? CapacityLineChanged.State.STALE : CapacityLineChanged.State.OPEN,
                !line.closed, null);
    }

    /** Everything besides client and line that the eligibility policies read, as of today. */
    public MatchingContext context(int day) {
        while (!refusalExpiry.isEmpty() && (int) refusalExpiry.peek()[0] <= day) {
            refusedPairs.remove((String) refusalExpiry.poll()[1]);
        }
        return new MatchingContext(world.date(day), DEFAULT_MAX_TRAVEL_KM, contractTerms, restrictions, refusedPairs,
                inProposal, transferredIds, Set.of(), Map.of());
    }

    /** A contract or ceiling block that was the only obstacle (counted once per client and provider). */
    public void recordContractBlock(ClientState c, LineState line, BlockReason reason, int day) {
        if (measured(day) && contractBlockPairs.add(c.referral.referralId() + "|" + line.spec.provider().agb())) {
            if (reason == BlockReason.CEILING_REACHED) {
                metrics.ceilingBlocks++;
            } else {
                metrics.contractBlocks++;
            }
        }
    }

    public void countApprovals(int n, int day) {
        if (measured(day)) {
            metrics.approvals += n;
        }
    }

    public void countDiscussed(int n, int day) {
        if (measured(day)) {
            metrics.casesDiscussed += n;
        }
    }

    // ----------------------------------------------------------------------- the end

    private void collectFigures() {
        int end = stepped;
        for (ClientState c : active) {
            if (c.hold != null) {
                release(c.hold, end, false);
            }
        }
        for (ClientState c : clients) {
            if (!measured(c.registeredDay)) {
                continue;
            }
            switch (c.stage) {
                case LEFT -> metrics.left++;
                case WAITING -> {
                    metrics.waitingAtEnd++;
                    metrics.censoredWaits++;
                    metrics.intakeWaits.add(end - c.registeredDay); // a lower bound: still waiting
                }
                case STARTED, INTAKE_PLANNED -> {
                    int wait = c.intakeDay - c.registeredDay;
                    int toTreatment = c.treatmentDay - c.registeredDay;
                    metrics.started++;
                    metrics.intakeWaits.add(wait);
                    metrics.treatmentWaits.add(toTreatment);
                    if (wait <= norm) {
                        metrics.startedWithinNorm++;
                    } else {
                        metrics.intakesBeyondNorm++;
                    }
                    if (c.treatmentDay - c.intakeDay > p.days("norm.treatmentDays")) {
                        metrics.treatmentsBeyondNorm++;
                    }
                    metrics.intakeWaitHistogram[Math.min(RunMetrics.HISTOGRAM_WEEKS, wait / 7)]++;
                }
            }
        }
    }

    /**
     * The books must balance: every place opened is free, held, used once or lost; no line used more
     * places than it opened; every client started at most once, on or after registration, and
     * treatment never before intake; after the end no place is still held. Callable on any day.
     * Throws when they do not.
     */
    public void checkBooks() {
        for (LineState line : lines) {
            long accounted = line.freePlaces.size() + line.announcedExpiry.size() + line.held + line.usedOwn + line.usedTransfer + line.unused;
            if (accounted != line.opened) {
                throw new IllegalStateException("line " + line.spec.id() + ": opened " + line.opened + " but accounted "
                        + accounted);
            }
            if (line.usedOwn + line.usedTransfer > line.opened || line.held < 0 || finished && line.held != 0) {
                throw new IllegalStateException("line " + line.spec.id() + " over its capacity");
            }
        }
        Set<String> seen = new HashSet<>();
        for (ClientState c : clients) {
            if (!seen.add(c.referral.referralId())) {
                throw new IllegalStateException("client " + c.referral.referralId() + " registered twice");
            }
            if (c.registeredDay != c.referral.day()) {
                throw new IllegalStateException("client " + c.referral.referralId() + ": clock restarted");
            }
            boolean placed = c.stage == ClientState.Stage.STARTED || c.stage == ClientState.Stage.INTAKE_PLANNED;
            if (placed && (c.intakeDay < c.registeredDay || c.treatmentDay < c.intakeDay)) {
                throw new IllegalStateException("client " + c.referral.referralId() + ": clocks out of order");
            }
            if (!placed && c.intakeDay >= 0) {
                throw new IllegalStateException("client " + c.referral.referralId() + ": intake without placement");
            }
        }
    }
}
