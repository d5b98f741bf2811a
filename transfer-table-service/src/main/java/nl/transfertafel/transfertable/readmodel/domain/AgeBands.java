package nl.transfertafel.transfertable.readmodel.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ages travel only as bands ("0-17", "25-34", "65+"). A band fits an age range only when every age
 * in the band lies inside the range: the transfer table never proposes a client who might be
 * outside a provider's range (the upper end of "65+" is taken as 120).
 */
public final class AgeBands {

    public static final int OLDEST = 120;
    private static final Pattern BAND = Pattern.compile("^(\\d{1,3})(?:-(\\d{1,3})|\\+)$");

    private AgeBands() {
    }

    /** {lowest, highest} age of the band; throws on a malformed band. */
    public static int[] bounds(String band) {
        Matcher m = BAND.matcher(band == null ? "" : band);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an age band: " + band);
        }
        int low = Integer.parseInt(m.group(1));
        int high = m.group(2) == null ? OLDEST : Integer.parseInt(m.group(2));
        return new int[] {low, high};
    }

    public static boolean within(String band, Integer minAge, Integer maxAge) {
        int[] b = bounds(band);
        return (minAge == null || b[0] >= minAge) && (maxAge == null || b[1] <= maxAge);
    }
}
