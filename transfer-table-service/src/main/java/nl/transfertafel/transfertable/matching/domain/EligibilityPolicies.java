package nl.transfertafel.transfertable.matching.domain;

import static nl.transfertafel.transfertable.matching.domain.PolicyResult.ALLOWED;
import static nl.transfertafel.transfertable.matching.domain.PolicyResult.blocked;

import java.util.List;
import java.util.Locale;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged;
import nl.transfertafel.contracts.rules.StopOrPause;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;
import nl.transfertafel.transfertable.readmodel.domain.AgeBands;
import nl.transfertafel.transfertable.readmodel.domain.CapacityLine;
import nl.transfertafel.transfertable.readmodel.domain.ContractTerms;
import nl.transfertafel.transfertable.readmodel.domain.WaitingClient;

/**
 * The named eligibility rules of the transfer table (issue 7, domain rules 3, 4 and 6). Each is a
 * small object returning allowed or blocked with a reason; {@link Eligibility} applies them.
 */
public final class EligibilityPolicies {

    private EligibilityPolicies() {
    }

    /** A rule about the client alone. */
    public interface ClientPolicy {
        PolicyResult check(WaitingClient client, MatchingContext context);

        default String name() {
            return getClass().getSimpleName();
        }
    }

    /** A rule about the client on one capacity line. */
    public interface PairPolicy {
        PolicyResult check(WaitingClient client, CapacityLine line, MatchingContext context);

        default String name() {
            return getClass().getSimpleName();
        }
    }

    // ---------------------------------------------------------------- the client

    /** Only clients still waiting (stage WAITING) are candidates. */
    public static final class StillWaiting implements ClientPolicy {
        @Override
        public PolicyResult check(WaitingClient client, MatchingContext context) {
            return client.waiting() ? ALLOWED : blocked(name(), BlockReason.NOT_WAITING);
        }
    }

    /** The client consented to screening by the transfer table (asked by the GP at referral). */
    public static final class ScreeningConsentGiven implements ClientPolicy {
        @Override
        public PolicyResult check(WaitingClient client, MatchingContext context) {
            return client.screeningConsent() ? ALLOWED : blocked(name(), BlockReason.NO_SCREENING_CONSENT);
        }
    }

    /** A client already in an open proposal or offer is not proposed a second time. */
    public static final class NotAlreadyProposed implements ClientPolicy {
        @Override
        public PolicyResult check(WaitingClient client, MatchingContext context) {
            return context.clientsInActiveProposal().contains(client.referralId())
                    ? blocked(name(), BlockReason.ALREADY_IN_PROPOSAL) : ALLOWED;
        }
    }

    /** A client transferred through the table waits at the receiving provider now; no second transfer. */
    public static final class NotAlreadyTransferred implements ClientPolicy {
        @Override
        public PolicyResult check(WaitingClient client, MatchingContext context) {
            return context.clientsTransferred().contains(client.referralId())
                    ? blocked(name(), BlockReason.ALREADY_TRANSFERRED) : ALLOWED;
        }
    }

    /** Waiting-list screening: two coordinators marked the client "not suitable for transfer". */
    public static final class NotMarkedUnsuitable implements ClientPolicy {
        @Override
        public PolicyResult check(WaitingClient client, MatchingContext context) {
            return context.clientsMarkedUnsuitable().contains(client.referralId())
                    ? blocked(name(), BlockReason.MARKED_NOT_SUITABLE) : ALLOWED;
        }
    }

    /** Waiting as a precaution (Wlz status "wachtend uit voorzorg"): the client does not want care yet. */
    public static final class NotWaitingAsPrecaution implements ClientPolicy {
        @Override
        public PolicyResult check(WaitingClient client, MatchingContext context) {
            return client.waitingStatus() == WaitingStatus.WAITING_AS_PRECAUTION && !client.urgent()
                    ? blocked(name(), BlockReason.WAITING_AS_PRECAUTION) : ALLOWED;
        }
    }

    // ---------------------------------------------------------------- the client on a line

    /** A transfer moves the client away from the current provider, never to it. */
    public static final class NotCurrentProvider implements PairPolicy {
        @Override
        public PolicyResult check(WaitingClient client, CapacityLine line, MatchingContext context) {
            return line.providerAgb().equals(client.currentProviderAgb())
                    ? blocked(name(), BlockReason.CURRENT_PROVIDER) : ALLOWED;
        }
    }

    public static final class DiagnosisGroupOffered implements PairPolicy {
        @Override
        public PolicyResult check(WaitingClient client, CapacityLine line, MatchingContext context) {
            return line.diagnosisGroups().contains(client.diagnosisGroup()) ? ALLOWED
                    : blocked(name(), BlockReason.DIAGNOSIS_GROUP_NOT_OFFERED,
                    "the line does not offer " + client.diagnosisGroup());
        }
    }

    /**
     * The care level fits. TO_BE_ASSESSED on either side matches both levels: a client still to be
     * assessed fits basic and specialist care (the intake decides), and a line "to be assessed"
     * (e.g. a generalist or social-domain offering) takes clients of either level.
     */
    public static final class CareLevelOffered implements PairPolicy {
        @Override
        public PolicyResult check(WaitingClient client, CapacityLine line, MatchingContext context) {
            CareLevel wanted = client.careLevel();
            CareLevel offered = line.careLevel();
            boolean fits = wanted == offered || wanted == CareLevel.TO_BE_ASSESSED || offered == CareLevel.TO_BE_ASSESSED;
            return fits ? ALLOWED : blocked(name(), BlockReason.CARE_LEVEL_NOT_OFFERED,
                    "the line offers " + offered + " care, the client needs " + wanted);
        }
    }

    /** The line is open, current, of an active provider, and has a free place. */
    public static final class LineAvailable implements PairPolicy {
        @Override
        public PolicyResult check(WaitingClient client, CapacityLine line, MatchingContext context) {
            if (!line.providerActive()) {
                return blocked(name(), BlockReason.PROVIDER_INACTIVE);
            }
            CapacityLineChanged.State state = line.state();
            if (state == CapacityLineChanged.State.STALE) {
                return blocked(name(), BlockReason.LINE_STALE);
            }
            if (state == CapacityLineChanged.State.EXPIRED
                    || (line.availableUntil() != null && line.availableUntil().isBefore(context.today()))) {
                return blocked(name(), BlockReason.LINE_EXPIRED);
            }
            if (state == CapacityLineChanged.State.WITHDRAWN) {
                return blocked(name(), BlockReason.LINE_WITHDRAWN);
            }
            if (state == CapacityLineChanged.State.FULL || context.freePlaces(line) <= 0) {
                return blocked(name(), BlockReason.NO_FREE_PLACE);
            }
            return ALLOWED;
        }
    }

    public static final class AgeInRange implements PairPolicy {
        @Override
        public PolicyResult check(WaitingClient client, CapacityLine line, MatchingContext context) {
            return AgeBands.within(client.ageBand(), line.minAge(), line.maxAge()) ? ALLOWED
                    : blocked(name(), BlockReason.AGE_OUT_OF_RANGE, "age band " + client.ageBand()
                    + " is not inside " + (line.minAge() == null ? 0 : line.minAge()) + "-"
                    + (line.maxAge() == null ? AgeBands.OLDEST : line.maxAge()));
        }
    }

    /**
     * Exclusion criteria of the offering. The transfer table knows only what the referral event
     * carries, so it checks the criteria it can: CRISIS_PRONE and URGENT exclude urgent clients,
     * ADDICTION_COMORBIDITY excludes clients referred for addiction, and a criterion naming a
     * diagnosis group excludes that group. Other criteria are left to the screening coordinators
     * (and the receiving provider can still decline with NOT_SUITABLE_FOR_OUR_CARE).
     */
    public static final class NotExcluded implements PairPolicy {
        @Override
        public PolicyResult check(WaitingClient client, CapacityLine line, MatchingContext context) {
            for (String exclusion : line.exclusions()) {
                String code = exclusion.trim().toUpperCase(Locale.ROOT);
                boolean hit = switch (code) {
                    case "CRISIS_PRONE", "URGENT" -> client.urgent();
                    case "ADDICTION_COMORBIDITY" -> client.diagnosisGroup() == DiagnosisGroup.ADDICTION;
                    default -> code.equals(client.diagnosisGroup().name());
                };
                if (hit) {
                    return blocked(name(), BlockReason.EXCLUDED, "the line excludes " + code);
                }
            }
            return ALLOWED;
        }
    }

    /** Waiting for preference: no proposal elsewhere than the preferred provider, unless urgent (domain rule 6). */
    public static final class RespectsPreference implements PairPolicy {
        @Override
        public PolicyResult check(WaitingClient client, CapacityLine line, MatchingContext context) {
            if (!client.waitsForPreference() || client.urgent() || line.providerAgb().equals(client.preferredProviderAgb())) {
                return ALLOWED;
            }
            return blocked(name(), BlockReason.WAITING_FOR_PREFERENCE);
        }
    }

    /**
     * No registration stop or pause of the provider for the client's diagnosis group (domain rule 4).
     * The shared rule decides which applies: a stop outranks a pause, so a client facing both is told "stop".
     */
    public static final class NoStopOrPause implements PairPolicy {
        @Override
        public PolicyResult check(WaitingClient client, CapacityLine line, MatchingContext context) {
            var verdict = StopOrPause.decide(context.restrictionsByProvider().getOrDefault(line.providerAgb(), List.of()),
                    client.diagnosisGroup(), context.today());
            return switch (verdict.status()) {
                case STOPPED -> blocked(name(), BlockReason.REGISTRATION_STOP);
                case PAUSED -> blocked(name(), BlockReason.REGISTRATION_PAUSE);
                case OPEN -> ALLOWED;
            };
        }
    }

    /** A pair rejected in screening or declined by provider or client is not proposed again for a while. */
    public static final class NotRefusedRecently implements PairPolicy {
        @Override
        public PolicyResult check(WaitingClient client, CapacityLine line, MatchingContext context) {
            return context.refusedPairs().contains(MatchingContext.pair(client.referralId(), line.providerAgb()))
                    ? blocked(name(), BlockReason.REFUSED_RECENTLY) : ALLOWED;
        }
    }

    /** Within the client's maximum travel distance, or an e-health line that the client accepts. */
    public static final class WithinTravelDistance implements PairPolicy {
        @Override
        public PolicyResult check(WaitingClient client, CapacityLine line, MatchingContext context) {
            if (line.eHealth()) {
                return client.eHealthAcceptable() ? ALLOWED : blocked(name(), BlockReason.E_HEALTH_NOT_ACCEPTED);
            }
            int km = MatchingContext.distanceKm(client, line);
            int max = context.maxTravelKm(client);
            return km <= max ? ALLOWED : blocked(name(), BlockReason.TOO_FAR,
                    "about " + km + " km away; the client travels at most " + max + " km");
        }
    }

    /**
     * The client's insurer contracted the provider and its budget ceiling is not reached (domain
     * rule 3, 000:570-575). Unknown means not contracted. Social-domain support is not insured care,
     * so no insurer contract applies to it.
     */
    public static final class InsurerContracted implements PairPolicy {
        @Override
        public PolicyResult check(WaitingClient client, CapacityLine line, MatchingContext context) {
            if (line.providerType() == ProviderType.SOCIAL_DOMAIN) {
                return ALLOWED;
            }
            ContractTerms terms = context.contracts().get(ContractTerms.key(client.insurerUzovi(), line.providerAgb()));
            if (terms == null || !terms.contracted()) {
                return blocked(name(), BlockReason.NOT_CONTRACTED,
                        "insurer " + client.insurerUzovi() + " has not contracted provider " + line.providerAgb());
            }
            if (terms.ceilingReached()) {
                return blocked(name(), BlockReason.CEILING_REACHED,
                        "the budget ceiling of provider " + line.providerAgb() + " with insurer " + client.insurerUzovi()
                                + " is reached");
            }
            return ALLOWED;
        }
    }
}
