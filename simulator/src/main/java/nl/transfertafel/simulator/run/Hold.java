package nl.transfertafel.simulator.run;

import java.util.ArrayList;
import java.util.List;
import nl.transfertafel.transfertable.screening.domain.Approval;

/**
 * An intake place held for one client while a proposal is screened and offered: the place is out of
 * the line (nobody else can take it) until the transfer completes or the hold is released.
 */
public final class Hold {

    final ClientState client;
    final LineState line;
    final int placeExpiry;
    final int createdDay;
    boolean open = true;
    /** For the policy's own bookkeeping (approvals so far, day of the answer). */
    public final List<Approval> approvals = new ArrayList<>(2);
    public int answerDay = -1;

    Hold(ClientState client, LineState line, int placeExpiry, int createdDay) {
        this.client = client;
        this.line = line;
        this.placeExpiry = placeExpiry;
        this.createdDay = createdDay;
    }

    public ClientState client() { return client; }

    public LineState line() { return line; }

    public int createdDay() { return createdDay; }

    /** Still pending: not completed, not released, not cancelled because the client started or left. */
    public boolean open() { return open; }
}
