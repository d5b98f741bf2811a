package nl.transfertafel.intake.client.domain;

/** The citizen service number: nine digits that pass the eleven test (elfproef). */
public final class Bsn {

    private Bsn() {
    }

    public static boolean isValid(String value) {
        if (value == null || !value.matches("\\d{9}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (value.charAt(i) - '0');
        }
        sum -= value.charAt(8) - '0';
        return sum % 11 == 0 && !value.equals("000000000");
    }
}
