package nl.transfertafel.intake.waitinglist.domain;

import nl.transfertafel.contracts.events.NewEvent;

/** What a command on a waiting entry decided: the entry after the change and its event, or a refusal. */
public sealed interface EntryOutcome {

    record Changed(WaitingEntry entry, NewEvent event) implements EntryOutcome {
    }

    record Refused(Refusal refusal) implements EntryOutcome {
    }
}
