package nl.transfertafel.notification.routing.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged;
import nl.transfertafel.contracts.events.intake.ReferralReceived;
import nl.transfertafel.contracts.events.intake.TreeknormSignalled;
import nl.transfertafel.contracts.events.intake.ValidationEntryFlagged;
import nl.transfertafel.contracts.events.intake.ValidationQuestionAsked;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.events.transfer.EscalationOpened;
import nl.transfertafel.contracts.events.transfer.ScreeningOverdue;
import nl.transfertafel.contracts.events.transfer.TransferBlocked;
import nl.transfertafel.contracts.events.transfer.TransferCompleted;
import nl.transfertafel.contracts.events.transfer.TransferOffered;
import nl.transfertafel.contracts.events.transfer.TransferProposed;

/**
 * Who an event concerns and what each of them is told. The organisations come from the payload
 * (referrer, providers, insurer), the coordinators from the envelope's region. Subscriptions then
 * decide on which channels each recipient hears it.
 *
 * <ul>
 * <li>The GP stays responsible while the client waits (000:839-841), so hears of the registration,
 * Treeknorm signals, every step of a transfer and the intake.</li>
 * <li>Warm handover (criterion d, 001:215-218): a transfer informs the referrer, the sending and the
 * receiving provider and the client.</li>
 * <li>Coordinators hear when their screening queue grows and when a proposal waits too long.</li>
 * <li>A "still waiting?" round (issue 15 item 1) asks the client through the GP, the client supporter
 * and the client's own e-mail; when nobody answers, the GP and the provider are told the entry is flagged.</li>
 * <li>Insurers must see transfers blocked by their contracts or ceilings (000:570-575) and escalations
 * that need their care mediation (000:543-551).</li>
 * </ul>
 * Each recipient's link points where that recipient may read the detail: coordinators the proposal,
 * the GP and the providers involved the offer (or, before there is one, the GP its referral).
 */
public final class RoutingPolicy {

    private static final Map<Recipient.Kind, Set<String>> SUBSCRIBABLE = new EnumMap<>(Recipient.Kind.class);

    static {
        SUBSCRIBABLE.put(Recipient.Kind.ORGANISATION, new LinkedHashSet<>(List.of(
                "ReferralReceived", "TreeknormSignalled", "WaitingEntryChanged", "TransferProposed",
                "TransferOffered", "TransferCompleted", "TransferBlocked", "EscalationOpened",
                "ValidationQuestionAsked", "ValidationEntryFlagged")));
        SUBSCRIBABLE.put(Recipient.Kind.REGION_COORDINATORS, new LinkedHashSet<>(List.of(
                "TransferProposed", "ScreeningOverdue", "RegistrationRestrictionChanged")));
        SUBSCRIBABLE.put(Recipient.Kind.CLIENT, new LinkedHashSet<>(List.of("TransferOffered", "TransferCompleted",
                "ValidationQuestionAsked")));
        SUBSCRIBABLE.put(Recipient.Kind.CLIENT_SUPPORT, new LinkedHashSet<>(List.of("TransferOffered", "TransferCompleted",
                "ValidationQuestionAsked")));
    }

    /** The event types that can concern a recipient of this kind: what a subscription may name. */
    public static Set<String> eventTypesFor(Recipient.Kind kind) {
        return Set.copyOf(SUBSCRIBABLE.get(kind));
    }

    /** The same, in a stable order for listings. */
    public static List<String> orderedEventTypesFor(Recipient.Kind kind) {
        return List.copyOf(SUBSCRIBABLE.get(kind));
    }

    public List<Concern> concerns(Occurrence event) {
        return concerns(event, null);
    }

    /**
     * The referral an event is about where the client's supporter may hear of it (an offer, a
     * completed transfer), so that the router can look up which client-support organisation the
     * client named; empty for every other event.
     */
    public static java.util.Optional<String> supportedReferralOf(EventPayload payload) {
        if (payload instanceof TransferOffered offered) {
            return java.util.Optional.ofNullable(offered.referralId());
        }
        if (payload instanceof TransferCompleted completed) {
            return java.util.Optional.ofNullable(completed.referralId());
        }
        if (payload instanceof ValidationQuestionAsked asked) {
            return java.util.Optional.ofNullable(asked.referralId());
        }
        return java.util.Optional.empty();
    }

    /**
     * @param supportOrganisation the client-support organisation the client of the event's referral
     *                            named ({@code ClientSupportChanged}), or null: it hears of the offer
     *                            and of the completed transfer, so it can help the client answer
     */
    public List<Concern> concerns(Occurrence event, String supportOrganisation) {
        List<Concern> out = new ArrayList<>();
        EventPayload payload = event.payload();
        if (payload instanceof ReferralReceived referral) {
            Subject subject = new Subject(SubjectKind.REFERRAL, referral.referralId());
            organisation(out, referral.referrerAgb(), Notice.REFERRAL_REGISTERED, subject);
        } else if (payload instanceof TreeknormSignalled signal) {
            Subject subject = new Subject(SubjectKind.REFERRAL, signal.referralId());
            Notice notice = signal.level() == TreeknormSignalled.Level.BREACHED
                    ? Notice.TREEKNORM_BREACHED : Notice.TREEKNORM_AT_RISK;
            organisation(out, signal.referrerAgb(), notice, subject);
            // the provider whose list the client is on must act on the same deadline
            organisation(out, signal.providerAgb(), notice, subject);
        } else if (payload instanceof WaitingEntryChanged entry) {
            if (entry.change() == WaitingEntryChanged.Change.INTAKE_RECORDED) {
                organisation(out, entry.referrerAgb(), Notice.INTAKE_DONE,
                        new Subject(SubjectKind.REFERRAL, entry.referralId()));
            }
        } else if (payload instanceof TransferProposed proposed) {
            // the GP follows the proposal on its worklist; only coordinators read the proposal itself
            organisation(out, proposed.referrerAgb(), Notice.TRANSFER_PROPOSED,
                    new Subject(SubjectKind.REFERRAL, proposed.referralId()));
            out.add(new Concern(new Recipient.RegionCoordinators(event.region()), Notice.SCREENING_QUEUE_GREW,
                    new Subject(SubjectKind.PROPOSAL, proposed.proposalId())));
        } else if (payload instanceof TransferOffered offered) {
            Subject subject = new Subject(SubjectKind.OFFER, offered.proposalId());
            organisation(out, offered.referrerAgb(), Notice.TRANSFER_OFFERED, subject);
            organisation(out, offered.receivingProviderAgb(), Notice.OFFER_RECEIVED, subject);
            client(out, offered.referralId(), Notice.CLIENT_OFFER, subject);
            supporter(out, supportOrganisation, Notice.SUPPORTED_CLIENT_OFFERED, subject);
        } else if (payload instanceof TransferCompleted completed) {
            Subject subject = new Subject(SubjectKind.OFFER, completed.proposalId());
            organisation(out, completed.referrerAgb(), Notice.TRANSFER_COMPLETED, subject);
            organisation(out, completed.receivingProviderAgb(), Notice.CLIENT_TRANSFERRED_IN, subject);
            organisation(out, completed.previousProviderAgb(), Notice.CLIENT_TRANSFERRED_OUT, subject);
            client(out, completed.referralId(), Notice.CLIENT_TRANSFER_COMPLETED, subject);
            supporter(out, supportOrganisation, Notice.SUPPORTED_CLIENT_TRANSFERRED, subject);
        } else if (payload instanceof ScreeningOverdue overdue) {
            out.add(new Concern(new Recipient.RegionCoordinators(event.region()), Notice.SCREENING_OVERDUE,
                    new Subject(SubjectKind.PROPOSAL, overdue.proposalId())));
        } else if (payload instanceof TransferBlocked blocked) {
            organisation(out, blocked.insurerUzovi(), Notice.TRANSFER_BLOCKED,
                    new Subject(SubjectKind.BLOCKED_TRANSFER, blocked.referralId()));
        } else if (payload instanceof EscalationOpened escalation) {
            Subject subject = new Subject(SubjectKind.ESCALATION, escalation.escalationId());
            organisation(out, escalation.insurerUzovi(), Notice.ESCALATION_OPENED, subject);
            organisation(out, escalation.referrerAgb(), Notice.ESCALATION_OPENED, subject);
        } else if (payload instanceof ValidationQuestionAsked asked) {
            // "still waiting?" (issue 15 item 1) through every channel the client has: the GP's worklist,
            // the client-support organisation the client named, and the client's own e-mail with the link
            boolean reminder = asked.attempt() == ValidationQuestionAsked.Attempt.REMINDER;
            organisation(out, asked.referrerAgb(), reminder ? Notice.VALIDATION_REMINDER : Notice.VALIDATION_QUESTION,
                    new Subject(SubjectKind.REFERRAL, asked.referralId()));
            Subject question = new Subject(SubjectKind.VALIDATION_QUESTION, asked.questionId());
            client(out, asked.referralId(), reminder ? Notice.CLIENT_VALIDATION_REMINDER : Notice.CLIENT_VALIDATION_QUESTION,
                    question);
            supporter(out, supportOrganisation, Notice.SUPPORTED_CLIENT_VALIDATION, question);
        } else if (payload instanceof ValidationEntryFlagged flagged) {
            Subject subject = new Subject(SubjectKind.REFERRAL, flagged.referralId());
            organisation(out, flagged.referrerAgb(), Notice.VALIDATION_UNANSWERED, subject);
            organisation(out, flagged.providerAgb(), Notice.VALIDATION_UNANSWERED, subject);
        } else if (payload instanceof RegistrationRestrictionChanged restriction) {
            // a stop sends referrals to the transfer table (rule 4): the region's coordinators should know
            out.add(new Concern(new Recipient.RegionCoordinators(event.region()),
                    Notice.REGISTRATION_RESTRICTION_CHANGED,
                    new Subject(SubjectKind.REGISTRATION_RESTRICTION, restriction.providerAgb())));
        }
        return dedupe(out);
    }

    private static void organisation(List<Concern> out, String code, Notice notice, Subject subject) {
        if (code != null && !code.isBlank()) {
            out.add(new Concern(new Recipient.Organisation(code), notice, subject));
        }
    }

    private static void client(List<Concern> out, String referralId, Notice notice, Subject subject) {
        if (referralId != null && !referralId.isBlank()) {
            out.add(new Concern(new Recipient.Client(referralId), notice, subject));
        }
    }

    private static void supporter(List<Concern> out, String organisation, Notice notice, Subject subject) {
        if (organisation != null && !organisation.isBlank()) {
            out.add(new Concern(new Recipient.ClientSupport(organisation), notice, subject));
        }
    }

    /** One organisation in two roles (e.g. a GP practice that is also the provider) hears an event once. */
    private static List<Concern> dedupe(List<Concern> concerns) {
        Map<String, Concern> byRecipient = new java.util.LinkedHashMap<>();
        for (Concern concern : concerns) {
            byRecipient.putIfAbsent(concern.recipient().key(), concern);
        }
        return List.copyOf(byRecipient.values());
    }
}
