package nl.transfertafel.harness.load;

import java.util.random.RandomGenerator;

/** Made-up citizen service numbers that pass the eleven test (nine digits, weights 9..2 and -1). */
public final class Bsn {

    private Bsn() {
    }

    public static String random(RandomGenerator random) {
        while (true) {
            int[] digits = new int[9];
            int sum = 0;
            digits[0] = 1 + random.nextInt(9);
            for (int i = 0; i < 8; i++) {
                if (i > 0) {
                    digits[i] = random.nextInt(10);
                }
                sum += (9 - i) * digits[i];
            }
            int last = sum % 11;
            if (last == 10) {
                continue;
            }
            digits[8] = last;
            StringBuilder bsn = new StringBuilder();
            for (int d : digits) {
                bsn.append(d);
            }
            return bsn.toString();
        }
    }

    public static boolean passesElevenTest(String bsn) {
        if (bsn == null || !bsn.matches("\\d{9}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (bsn.charAt(i) - '0');
        }
        sum -= bsn.charAt(8) - '0';
        return sum % 11 == 0;
    }
}
