package nl.transfertafel.intake.client.domain;

import java.time.LocalDate;
import java.time.Period;

/** Ages travel only as bands, so an event never pins down a date of birth. */
public final class AgeBand {

    private AgeBand() {
    }

    public static String of(LocalDate dateOfBirth, LocalDate today) {
        int age = Period.between(dateOfBirth, today).getYears();
        if (age < 18) {
            return "0-17";
        }
        if (age < 25) {
            return "18-24";
        }
        if (age >= 65) {
            return "65+";
        }
        int low = (age - 25) / 10 * 10 + 25;
        return low + "-" + (low + 9);
    }
}
