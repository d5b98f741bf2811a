package nl.transfertafel.notification.routing.domain;

/** One recipient that an event concerns, what it is told and about which thing. */
public record Concern(Recipient recipient, Notice notice, Subject subject) {
}
