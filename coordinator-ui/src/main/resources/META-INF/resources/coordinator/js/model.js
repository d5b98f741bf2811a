// From the services' JSON to what the views show: the one place that knows the API's field names.

/** The coded reasons a coordinator can give for a rejection (ProposalScreened.RejectionReason). */
export const REJECTION_REASONS = ['CLIENT_NOT_SUITABLE_FOR_TRANSFER', 'PROVIDER_NOT_SUITABLE', 'CLIENT_SITUATION_CHANGED',
  'BETTER_OPTION_EXPECTED', 'OTHER'];

/** Waiting-list screening: verdicts and their coded reasons (WaitingListScreening.Verdict / Reason). */
export const VERDICTS = ['TRANSFER_CANDIDATE', 'NOT_SUITABLE_FOR_TRANSFER'];
export const MARK_REASONS = ['SHORTER_WAIT_ELSEWHERE_LIKELY', 'SUITABLE_FOR_BASIC_GGZ', 'SUITABLE_FOR_SOCIAL_DOMAIN',
  'SUITABLE_FOR_E_HEALTH', 'TREATMENT_RELATIONSHIP_WITH_CURRENT_PROVIDER', 'NEEDS_CURRENT_PROVIDERS_SPECIALISM',
  'CLIENT_DOES_NOT_WANT_TRANSFER', 'OTHER'];

/** Escalation routes and resolutions (EscalationOpened.Route, EscalationResolved.Resolution). */
export const ROUTES = ['INSURER_MEDIATION', 'ESCALATION_AUTHORITY'];
export const RESOLUTIONS = ['PLACED_IN_REGION', 'PLACED_OUT_OF_REGION', 'E_HEALTH', 'CARE_PURCHASED', 'NO_LONGER_NEEDED', 'OTHER'];

/** Proposal states in which coordinators still screen (ProposalState.AWAITING_SCREENING). */
const AWAITING_SCREENING = ['PROPOSED', 'SCREENED_ONCE'];

/** Treeknorm (001:463): at most 4 weeks from registration to intake. */
export const NORM_INTAKE_DAYS = 28;

/** The anonymous case of a proposal (ProposalViews.Case). */
function caseOf(c = {}) {
  return {
    referralId: c.referralId,
    urgency: c.urgent ? 'URGENT' : (c.urgency || 'REGULAR'),
    ageBand: c.ageBand,
    diagnosisGroup: c.diagnosisGroup,
    careLevel: c.careLevel,
    waitingStatus: c.waitingStatus,
    registeredOn: c.registeredOn,
    daysWaited: c.daysWaited ?? null,
    // days waited minus days past the deadline = the norm that applies to this client
    normDays: c.daysWaited !== undefined && c.daysPastNorm !== undefined ? c.daysWaited - c.daysPastNorm : NORM_INTAKE_DAYS,
    currentProviderAgb: c.currentProviderAgb,
  };
}

function fourEyesOf(f = {}) {
  return {
    approvals: f.approvals || [],
    approvalsNeeded: f.approvalsNeeded ?? 2,
    stillNeeded: f.stillNeeded || null,
    proposedBy: f.proposedBy || null,
    proposedByOrganisation: f.proposedByOrganisation || null,
    // a first coordinator's rejection waiting for a second coordinator's confirmation (four eyes)
    pendingRejection: f.pendingRejection ? {
      userId: f.pendingRejection.userId,
      organisation: f.pendingRejection.organisation,
      at: f.pendingRejection.at || null,
      reason: f.pendingRejection.reason || null,
    } : null,
  };
}

/** A row of the screening queue (ProposalViews.QueueItem). */
export function toQueueItem(json) {
  const proposed = json.proposed || {};
  return {
    proposalId: json.proposalId,
    state: json.state,
    origin: json.origin,
    overdue: Boolean(json.overdue),
    summary: json.summary || null,
    ...caseOf(json.client),
    receivingProviderAgb: proposed.providerAgb,
    receivingProviderName: proposed.providerName || null,
    distanceKm: proposed.distanceKm ?? null,
    eHealth: Boolean(proposed.eHealth),
    ...fourEyesOf(json.fourEyes),
  };
}

/** A proposal with its explanation (ProposalViews.Detail). */
export function toProposal(json) {
  return {
    ...toQueueItem(json),
    offerExpiresAt: json.offerExpiresAt || null,
    explanation: json.explanation || null,
    rejectionReason: json.rejectionReason || null,
    declineReason: json.declineReason || null,
    endOutcome: json.endOutcome || null,
    handoverContact: json.handoverContact || null,
    screenable: AWAITING_SCREENING.includes(json.state),
  };
}

/** An offer waiting for answers (ProposalViews.Offer). */
export function toOffer(json) {
  return {
    proposalId: json.proposalId,
    state: json.state,
    urgency: json.urgency,
    ageBand: json.ageBand,
    diagnosisGroup: json.diagnosisGroup,
    careLevel: json.careLevel,
    currentProviderAgb: json.currentProviderAgb,
    receivingProviderAgb: json.receivingProviderAgb,
    expiresAt: json.offerExpiresAt || null,
    providerAccepted: Boolean(json.providerAccepted),
    clientAccepted: Boolean(json.clientAccepted),
  };
}

/** An escalation case (Escalation). */
export function toEscalation(json) {
  return {
    escalationId: json.escalationId,
    reason: json.reason,
    route: json.route,
    daysWaited: json.daysWaited,
    state: json.state,
    resolution: json.resolution || null,
    currentProviderAgb: json.currentProviderAgb,
    insurerUzovi: json.insurerUzovi,
    openedAt: json.openedAt,
    resolvedAt: json.resolvedAt || null,
  };
}

/** A waiting client of the region as the transfer table knows it (read model). */
export function toWaitingClient(json) {
  const registered = json.registeredOn ? new Date(`${json.registeredOn}T00:00:00`) : null;
  const daysWaited = json.daysWaited ?? (registered ? Math.max(0, Math.floor((Date.now() - registered) / 86400000)) : null);
  return {
    referralId: json.referralId,
    urgency: json.urgency,
    ageBand: json.ageBand,
    diagnosisGroup: json.diagnosisGroup,
    careLevel: json.careLevel,
    registeredOn: json.registeredOn,
    daysWaited,
    normDays: NORM_INTAKE_DAYS,
    currentProviderAgb: json.currentProviderAgb ?? null,
    waitingStatus: json.waitingStatus ?? null,
    stale: Boolean(json.stale),
  };
}

/** A waiting-list screening (WaitingListScreeningController.ScreeningView). */
export function toScreening(json) {
  return {
    screeningId: json.screeningId,
    referralId: json.referralId,
    currentProviderAgb: json.currentProviderAgb,
    verdict: json.verdict,
    reason: json.reason,
    state: json.state,
    approvals: json.approvals || [],
    stillNeeded: json.stillNeeded || null,
    createdAt: json.createdAt,
  };
}

/** A capacity line of the region as the transfer table knows it (read model). */
export function toCapacityLine(json) {
  const groups = Array.isArray(json.diagnosisGroups) ? json.diagnosisGroups
    : String(json.diagnosisGroups || '').split(/[,\s]+/).filter(Boolean);
  return {
    capacityLineId: json.capacityLineId,
    providerAgb: json.providerAgb,
    postcodeArea: json.postcodeArea || null,
    diagnosisGroups: groups,
    careLevel: json.careLevel,
    placesLeft: json.placesLeft ?? json.places ?? 0,
    state: json.state || null,
  };
}
