package nl.transfertafel.contracts.vocabulary;

public enum ProviderType {
    GGZ_INSTITUTION,
    INDEPENDENT_PRACTICE,
    BASIC_GGZ,
    E_HEALTH,
    SOCIAL_DOMAIN
}
