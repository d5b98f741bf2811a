package nl.transfertafel.contracts.vocabulary;

/** Level of care asked for or offered: basic ggz, specialist ggz, or still to be assessed at intake. */
public enum CareLevel {
    BASIC,
    SPECIALIST,
    TO_BE_ASSESSED
}
