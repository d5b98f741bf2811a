package nl.transfertafel.intake.testsupport;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh identifiers per test, so tests sharing one database never see each other's clients or organisations. */
public final class TestData {

    private TestData() {
    }

    /** A random BSN that passes the eleven test. */
    public static String bsn() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            int[] digits = new int[9];
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                digits[i] = i == 0 ? 1 + random.nextInt(9) : random.nextInt(10);
                sum += (9 - i) * digits[i];
            }
            int last = sum % 11;
            if (last <= 9) {
                digits[8] = last;
                StringBuilder out = new StringBuilder();
                for (int digit : digits) {
                    out.append(digit);
                }
                return out.toString();
            }
        }
    }

    /** A random eight-digit AGB code starting with the given two digits. */
    public static String agb(String prefix) {
        return prefix + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }
}
