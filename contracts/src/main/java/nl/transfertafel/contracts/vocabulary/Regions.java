package nl.transfertafel.contracts.vocabulary;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ggz regions of the Netherlands (following the zorgkantoor regions). Codes travel on every
 * event (the Kafka key) and in every token's region claim; names are for people.
 */
public final class Regions {

    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        add("groningen", "Groningen");
        add("friesland", "Friesland");
        add("drenthe", "Drenthe");
        add("zwolle", "Zwolle");
        add("twente", "Twente");
        add("apeldoorn-zutphen", "Apeldoorn, Zutphen en omstreken");
        add("arnhem", "Arnhem");
        add("nijmegen", "Nijmegen");
        add("utrecht", "Utrecht");
        add("t-gooi", "'t Gooi");
        add("flevoland", "Flevoland");
        add("amsterdam", "Amsterdam");
        add("zaanstreek-waterland", "Zaanstreek/Waterland");
        add("noord-holland-noord", "Noord-Holland Noord");
        add("kennemerland", "Kennemerland");
        add("amstelland-meerlanden", "Amstelland en de Meerlanden");
        add("zuid-holland-noord", "Zuid-Holland Noord");
        add("haaglanden", "Haaglanden");
        add("delft-westland-oostland", "Delft Westland Oostland");
        add("midden-holland", "Midden-Holland");
        add("rotterdam", "Rotterdam");
        add("waardenland", "Waardenland");
        add("zuid-hollandse-eilanden", "Zuid-Hollandse Eilanden");
        add("zeeland", "Zeeland");
        add("west-brabant", "West-Brabant");
        add("midden-brabant", "Midden-Brabant");
        add("noordoost-brabant", "Noordoost-Brabant");
        add("zuidoost-brabant", "Zuidoost-Brabant");
        add("noord-limburg", "Noord- en Midden-Limburg");
        add("zuid-limburg", "Zuid-Limburg");
    }

    private Regions() {
    }

    private static void add(String code, String name) {
        NAMES.put(code, name);
    }

    public static boolean isKnown(String code) {
        return code != null && NAMES.containsKey(code);
    }

    /** Region code to display name, in a stable order. */
    public static Map<String, String> all() {
        return Collections.unmodifiableMap(NAMES);
    }
}
