package nl.transfertafel.matching;

/**
 * The facts about a waiting client that set its priority (see {@link PriorityObjective}).
 *
 * @param urgent             urgent referral (spoed)
 * @param daysWaited         days since registration, 0..{@value PriorityObjective#MAX_DAYS_WAITED}
 * @param daysPastTreeknorm  days relative to the client's Treeknorm deadline for the intake:
 *                           positive = that many days beyond it, negative = that many days left;
 *                           {@value PriorityObjective#MIN_DAYS_PAST_TREEKNORM}..{@value
 *                           PriorityObjective#MAX_DAYS_PAST_TREEKNORM}. Normally
 *                           {@code daysWaited - 28} (see {@link #standard}); it differs when the
 *                           deadline was moved, e.g. because the client chose to wait for a
 *                           particular provider (wenswachttijd).
 * @param closure            the client must move because its provider closes a location or stops the
 *                           care programme (issue 15: a bulk transfer case); it goes before others of
 *                           the same urgency and norm position, never before a more urgent client or
 *                           one further beyond the norm
 */
public record ClientFacts(boolean urgent, int daysWaited, int daysPastTreeknorm, boolean closure) {

    /** A client who is not part of a closure case. */
    public ClientFacts(boolean urgent, int daysWaited, int daysPastTreeknorm) {
        this(urgent, daysWaited, daysPastTreeknorm, false);
    }

    public ClientFacts {
        if (daysWaited < 0 || daysWaited > PriorityObjective.MAX_DAYS_WAITED) {
            throw new IllegalArgumentException("daysWaited out of 0.." + PriorityObjective.MAX_DAYS_WAITED
                    + ": " + daysWaited);
        }
        if (daysPastTreeknorm < PriorityObjective.MIN_DAYS_PAST_TREEKNORM
                || daysPastTreeknorm > PriorityObjective.MAX_DAYS_PAST_TREEKNORM) {
            throw new IllegalArgumentException("daysPastTreeknorm out of " + PriorityObjective.MIN_DAYS_PAST_TREEKNORM
                    + ".." + PriorityObjective.MAX_DAYS_PAST_TREEKNORM + ": " + daysPastTreeknorm);
        }
    }

    /** A client whose deadline is the Treeknorm: intake at most 4 weeks after registration. */
    public static ClientFacts standard(boolean urgent, int daysWaited) {
        return new ClientFacts(urgent, daysWaited, daysWaited - PriorityObjective.TREEKNORM_INTAKE_DAYS);
    }

    /** The same client, marked as part of a closure case (or not). */
    public ClientFacts inClosure(boolean inClosureCase) {
        return new ClientFacts(urgent, daysWaited, daysPastTreeknorm, inClosureCase);
    }
}
