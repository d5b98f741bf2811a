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

/** Where a member of a closure case stands (transfer-table-service's MemberStatus). */
export const MEMBER_STATUSES = ['PLACED', 'OFFERED', 'IN_SCREENING', 'NO_MATCH_YET', 'WARM_HANDOVER', 'LEFT'];

/**
 * A closure case (issue 15 item 2) as the closures view shows it: the closing provider and scope, the
 * progress counts and the report; members only in the detail.
 */
export function toClosure(json = {}) {
  const r = json.report || {};
  const report = {
    clients: r.clients ?? 0, placed: r.placed ?? 0, offered: r.offered ?? 0, inScreening: r.inScreening ?? 0,
    noMatchYet: r.noMatchYet ?? 0, warmHandover: r.warmHandover ?? 0, left: r.left ?? 0,
    placedWithinNorm: r.placedWithinNorm ?? 0, escalated: r.escalated ?? 0,
    longestRemainingWaitDays: r.longestRemainingWaitDays ?? null,
    // ADR 1430: proposals on another region's line; members whose region could not place them, still searching
    outOfRegion: r.outOfRegion ?? 0, searchingOutOfRegion: r.searchingOutOfRegion ?? 0,
    // ADR 1431: clients in treatment whose treatment must move, back in matching
    rematchedFromTreatment: r.rematchedFromTreatment ?? 0,
    // a location closure took these in without a known location (issue 15): shown, not dropped
    locationUnknown: r.locationUnknown ?? 0,
  };
  return {
    closureId: json.closureId,
    providerAgb: json.providerAgb,
    locationId: json.locationId || null,
    diagnosisGroups: json.diagnosisGroups || [],
    endDate: json.endDate,
    handoverContact: json.handoverContact || '',
    report,
    // placed of those who are to be placed (the ones in treatment move by a warm handover, those who left by themselves)
    toPlace: report.placed + report.offered + report.inScreening + report.noMatchYet,
    members: (json.members || []).map((m) => ({
      referralId: m.referralId,
      clientPseudonym: m.clientPseudonym,
      status: m.status,
      proposalId: m.proposalId || null,
      warmHandover: Boolean(m.warmHandover),
      handoverContact: m.handoverContact || null,
      escalated: Boolean(m.escalated),
      registeredOn: m.registeredOn || null,
      outOfRegion: Boolean(m.outOfRegion),
      outOfRegionSince: m.outOfRegionSince || null,
      rematchedFromTreatment: Boolean(m.rematchedFromTreatment),
      locationUnknown: Boolean(m.locationUnknown),
    })),
  };
}

/**
 * The region's last validation round from intake's figures (issue 15 item 1): the newest of
 * `validationRounds` (newest first), or null when the field is absent or empty ("no round yet").
 */
export function lastValidationRound(intakeFigures) {
  const rounds = intakeFigures?.validationRounds;
  if (!Array.isArray(rounds) || !rounds.length) return null;
  const round = rounds[0];
  return {
    roundId: round.roundId,
    scope: round.scope || {},
    startedAt: round.startedAt || null,
    deadline: round.deadline || null,
    status: round.status || 'OPEN',
    asked: round.asked ?? 0,
    answered: round.answered ?? 0,
    stillWaiting: round.stillWaiting ?? 0,
    withdrawn: round.withdrawn ?? 0,
    changed: round.changed ?? 0,
    noAnswer: round.noAnswer ?? 0,
    waitingBefore: round.waitingBefore ?? null,
    waitingAfter: round.waitingAfter ?? null,
  };
}
