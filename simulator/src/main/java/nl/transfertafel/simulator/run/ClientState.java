package nl.transfertafel.simulator.run;

import nl.transfertafel.simulator.world.Referral;
import nl.transfertafel.simulator.world.RegionWorld;
import nl.transfertafel.transfertable.readmodel.domain.WaitingClient;

/**
 * One registered client during one run. The registration day never changes: the Treeknorm clock
 * keeps running across a transfer or a re-referral (domain rule 5).
 */
public final class ClientState {

    public enum Stage {
        /** On a provider's waiting list (possibly in an open proposal or offer). */
        WAITING,
        /** A transfer was accepted; intake is planned at the receiving provider. */
        INTAKE_PLANNED,
        /** Intake took place. */
        STARTED,
        /** Left the list on their own. */
        LEFT
    }

    final Referral referral;
    final int registeredDay;
    LineState line;
    Stage stage = Stage.WAITING;
    int intakeDay = -1;
    int treatmentDay = -1;
    boolean transferred;
    int attempts;
    Hold hold;
    private WaitingClient view;
    private boolean viewEHealth;

    ClientState(Referral referral, LineState line) {
        this.referral = referral;
        this.registeredDay = referral.day();
        this.line = line;
    }

    public Referral referral() { return referral; }

    public int registeredDay() { return registeredDay; }

    public LineState line() { return line; }

    public Stage stage() { return stage; }

    public int intakeDay() { return intakeDay; }

    public int treatmentDay() { return treatmentDay; }

    public boolean transferred() { return transferred; }

    public Hold hold() { return hold; }

    public boolean waiting() { return stage == Stage.WAITING; }

    /** Waiting and not in an open proposal or offer. */
    public boolean free() { return stage == Stage.WAITING && hold == null; }

    /** The next attempt number for a draw of the client's stream (offers, screenings, stale checks). */
    public int nextAttempt() { return attempts++; }

    /** The client as the transfer table's read model holds it (cached until the provider changes). */
    public WaitingClient view(RegionRun run) {
        boolean eHealth = run.acceptsEHealth(referral);
        if (view == null || !view.currentProviderAgb().equals(line.spec().provider().agb()) || viewEHealth != eHealth) {
            view = RegionWorld.waitingClient(referral, run.world().date(registeredDay),
                    line.spec().provider().agb(), eHealth);
            viewEHealth = eHealth;
        }
        return view;
    }
}
