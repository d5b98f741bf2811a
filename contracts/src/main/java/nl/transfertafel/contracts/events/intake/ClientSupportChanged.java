package nl.transfertafel.contracts.events.intake;

import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.EventType;
import nl.transfertafel.contracts.events.Topics;

/**
 * The organisation for client support (onafhankelijke cliëntondersteuning) that acts for the client of
 * a referral was named, changed or removed, by the client through the GP. Only supporters of that
 * organisation may see and answer the client's offers. Carries the organisation's code, never a
 * person: a supporter is known to the services only by the organisation in their token.
 *
 * @param supportOrganisation the organisation code; {@code null} when the link was removed
 */
@EventType(name = "ClientSupportChanged", topic = Topics.INTAKE_REFERRAL_EVENTS)
public record ClientSupportChanged(
        String referralId,
        String clientPseudonym,
        String supportOrganisation) implements EventPayload {
}
