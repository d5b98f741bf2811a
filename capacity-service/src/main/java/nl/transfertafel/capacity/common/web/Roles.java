package nl.transfertafel.capacity.common.web;

/** Role expressions shared by several endpoints. */
public final class Roles {

    /**
     * Every person's role, but not SERVICE: another service's token is accepted only where an
     * endpoint names SERVICE (the transfer table learns the registry from events, not by reading it).
     */
    public static final String ANY_PERSON = "hasAnyRole('GP','PROVIDER','COORDINATOR','INSURER','CLIENT_SUPPORT','ADMIN')";

    private Roles() {
    }
}
