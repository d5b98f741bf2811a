package nl.transfertafel.transfertable.matching.domain;

/**
 * Approximate travel distance between two Dutch postcode areas (the four digits of a postcode, the
 * only part of an address that reaches the transfer table), fully offline.
 *
 * <p>The table holds one point per two-digit postcode district (10..99): the approximate position
 * of the district's main town, typed in by hand from public maps. The four digits then refine it:
 * <ul>
 *   <li>same four-digit area: {@value #SAME_AREA_KM} km;</li>
 *   <li>same district (first two digits): {@value #SAME_PC3_KM} km within the same three-digit
 *       block, plus {@value #KM_PER_PC3_STEP} km per step between the blocks (Dutch postcodes are
 *       numbered along postal routes, so nearby numbers lie near each other), at most
 *       {@value #MAX_WITHIN_DISTRICT_KM} km;</li>
 *   <li>different districts: the straight-line (great-circle) distance between the two district
 *       points, rounded, and never less than 7 km (half the within-district maximum).</li>
 * </ul>
 * Precision: districts are roughly 15-40 km across, so a distance between districts can be off
 * by up to about 15-20 km (more in the large rural districts of the north and Zeeland); within a
 * district the figure is an estimate of the order of magnitude. Good enough to rank providers and
 * to apply a client's maximum travel distance of a few tens of km; coordinators screen every
 * proposal. A finer table (four-digit centroids from an open data set) can replace this class
 * without touching its callers.
 */
public final class PostcodeAreas {

    static final int SAME_AREA_KM = 1;
    static final int SAME_PC3_KM = 3;
    static final int KM_PER_PC3_STEP = 2;
    static final int MAX_WITHIN_DISTRICT_KM = 15;
    private static final double EARTH_RADIUS_KM = 6371.0;

    /** Latitude and longitude (degrees) of districts 10..99, index = district - 10. */
    private static final double[][] DISTRICT = {
            {52.37, 4.89}, // 10 Amsterdam
            {52.31, 4.93}, // 11 Amsterdam-Zuidoost, Amstelveen, Diemen
            {52.23, 5.17}, // 12 Hilversum
            {52.37, 5.22}, // 13 Almere
            {52.40, 5.00}, // 14 Bussum, Purmerend, Aalsmeer (mixed)
            {52.44, 4.81}, // 15 Zaanstad
            {52.65, 5.07}, // 16 Hoorn, Enkhuizen
            {52.78, 4.80}, // 17 Heerhugowaard, Schagen, Den Helder
            {52.63, 4.75}, // 18 Alkmaar
            {52.49, 4.66}, // 19 Beverwijk, Heemskerk, Castricum
            {52.38, 4.64}, // 20 Haarlem
            {52.30, 4.69}, // 21 Haarlemmermeer, Heemstede
            {52.24, 4.45}, // 22 Noordwijk, Katwijk, Lisse
            {52.16, 4.49}, // 23 Leiden
            {52.13, 4.66}, // 24 Alphen aan den Rijn
            {52.07, 4.30}, // 25 Den Haag
            {52.00, 4.33}, // 26 Delft, Westland
            {52.06, 4.49}, // 27 Zoetermeer
            {52.02, 4.71}, // 28 Gouda
            {51.90, 4.60}, // 29 Capelle, Krimpen, Alblasserwaard
            {51.92, 4.48}, // 30 Rotterdam
            {51.91, 4.35}, // 31 Schiedam, Vlaardingen, Maassluis
            {51.85, 4.30}, // 32 Spijkenisse, Voorne-Putten
            {51.80, 4.67}, // 33 Dordrecht
            {52.05, 5.00}, // 34 Nieuwegein, IJsselstein, Woerden
            {52.09, 5.12}, // 35 Utrecht
            {52.14, 5.03}, // 36 Maarssen, Breukelen
            {52.09, 5.23}, // 37 Zeist, De Bilt
            {52.16, 5.39}, // 38 Amersfoort
            {52.03, 5.56}, // 39 Veenendaal, Rhenen
            {51.89, 5.43}, // 40 Tiel
            {51.93, 5.20}, // 41 Culemborg, Leerdam
            {51.83, 4.97}, // 42 Gorinchem
            {51.50, 3.61}, // 43 Middelburg, Vlissingen
            {51.50, 3.89}, // 44 Goes
            {51.33, 3.83}, // 45 Terneuzen, Zeeuws-Vlaanderen
            {51.49, 4.29}, // 46 Bergen op Zoom
            {51.53, 4.46}, // 47 Roosendaal
            {51.59, 4.78}, // 48 Breda
            {51.64, 4.86}, // 49 Oosterhout
            {51.56, 5.09}, // 50 Tilburg
            {51.65, 5.02}, // 51 Dongen, Waalwijk
            {51.70, 5.30}, // 52 's-Hertogenbosch
            {51.81, 5.25}, // 53 Zaltbommel
            {51.63, 5.58}, // 54 Uden, Veghel
            {51.40, 5.42}, // 55 Veldhoven, Valkenswaard
            {51.44, 5.48}, // 56 Eindhoven
            {51.48, 5.66}, // 57 Helmond
            {51.58, 5.98}, // 58 Venray, Boxmeer
            {51.37, 6.17}, // 59 Venlo
            {51.25, 5.71}, // 60 Weert
            {51.00, 5.87}, // 61 Sittard-Geleen
            {50.85, 5.69}, // 62 Maastricht
            {50.87, 5.85}, // 63 Valkenburg, Landgraaf
            {50.89, 5.98}, // 64 Heerlen
            {51.84, 5.86}, // 65 Nijmegen
            {51.81, 5.72}, // 66 Wijchen, Druten
            {52.00, 5.70}, // 67 Ede, Wageningen
            {51.98, 5.91}, // 68 Arnhem
            {51.93, 6.07}, // 69 Zevenaar, Duiven
            {51.96, 6.29}, // 70 Doetinchem
            {51.97, 6.72}, // 71 Winterswijk
            {52.14, 6.20}, // 72 Zutphen
            {52.21, 5.97}, // 73 Apeldoorn
            {52.25, 6.16}, // 74 Deventer
            {52.22, 6.89}, // 75 Enschede
            {52.36, 6.66}, // 76 Almelo
            {52.55, 6.55}, // 77 Hardenberg
            {52.78, 6.90}, // 78 Emmen
            {52.72, 6.48}, // 79 Hoogeveen
            {52.51, 6.09}, // 80 Zwolle
            {52.40, 6.25}, // 81 Raalte
            {52.53, 5.65}, // 82 Lelystad, Kampen
            {52.71, 5.75}, // 83 Emmeloord
            {52.96, 5.92}, // 84 Heerenveen
            {52.97, 5.79}, // 85 Joure
            {53.03, 5.66}, // 86 Sneek
            {53.06, 5.53}, // 87 Bolsward
            {53.17, 5.42}, // 88 Harlingen, Franeker
            {53.20, 5.80}, // 89 Leeuwarden
            {53.15, 5.85}, // 90 around Leeuwarden
            {53.33, 6.00}, // 91 Dokkum
            {53.11, 6.10}, // 92 Drachten
            {53.14, 6.43}, // 93 Roden
            {52.99, 6.56}, // 94 Assen
            {52.99, 6.95}, // 95 Stadskanaal
            {53.16, 6.76}, // 96 Hoogezand
            {53.22, 6.57}, // 97 Groningen
            {53.25, 6.40}, // 98 Zuidhorn
            {53.32, 6.86}, // 99 Delfzijl
    };

    private PostcodeAreas() {
    }

    public static boolean isArea(String area) {
        return area != null && area.length() == 4 && area.charAt(0) >= '1' && area.charAt(0) <= '9'
                && area.chars().allMatch(Character::isDigit);
    }

    /** Estimated km between two four-digit postcode areas (see the class comment for the precision). */
    public static int distanceKm(String from, String to) {
        if (!isArea(from) || !isArea(to)) {
            throw new IllegalArgumentException("not a four-digit postcode area: " + from + " / " + to);
        }
        if (from.equals(to)) {
            return SAME_AREA_KM;
        }
        int a = Integer.parseInt(from);
        int b = Integer.parseInt(to);
        if (a / 100 == b / 100) {
            int steps = Math.abs(a / 10 - b / 10);
            return Math.min(MAX_WITHIN_DISTRICT_KM, SAME_PC3_KM + KM_PER_PC3_STEP * steps);
        }
        double[] p = DISTRICT[a / 100 - 10];
        double[] q = DISTRICT[b / 100 - 10];
        return Math.max(MAX_WITHIN_DISTRICT_KM / 2, (int) Math.round(greatCircleKm(p[0], p[1], q[0], q[1])));
    }

    static double greatCircleKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
    }
}
