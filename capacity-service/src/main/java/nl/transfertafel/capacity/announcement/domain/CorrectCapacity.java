package nl.transfertafel.capacity.announcement.domain;

import java.time.LocalDate;

/**
 * A correction of a line: any of the number of places and the period, left out = unchanged.
 * {@code expectedVersion}, when given, makes the correction fail if the line changed meanwhile.
 */
public record CorrectCapacity(Integer places, LocalDate availableFrom, LocalDate availableUntil, Long expectedVersion) {
}
