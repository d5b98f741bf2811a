package nl.transfertafel.simulator.world;

import nl.transfertafel.transfertable.readmodel.domain.CapacityLine;

/**
 * A capacity line (one offering at one location of a provider) and the intake places it opens each
 * week. {@code template} is the line as the transfer table's read model would hold it, with no places;
 * a run copies it with the places and state of the day.
 *
 * @param weeklyMean places per week before the season and what-ifs
 * @param openingDay day of the week (0 = Monday) on which the line's places for the week open
 * @param stream     the line's own random stream (places per week), the same under every policy
 */
public record LineSpec(int index, ProviderSpec provider, CapacityLine template, double weeklyMean, int openingDay,
        long stream) {

    public String id() {
        return template.capacityLineId();
    }
}
