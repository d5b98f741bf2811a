// One proposal: the anonymous case, the proposed provider, why the transfer table chose it (score
// components, runner-up options, blocked alternatives and why), the four-eyes state, and approve /
// reject. Whether a screening is allowed is decided by the service's four-eyes policy only; this page
// shows the service's answer, and its reason verbatim, and follows the live stream (the proposal
// becoming an offer shows up without reloading).

import { h, replace, announce, uid } from '../dom.js';
import { t, label, formatNumber, formatDateTime } from '../i18n.js';
import { ENDPOINTS } from '../endpoints.js';
import { loading, problem, caseSummary, urgencyBadge, waitedVsNorm, sizeBars, provider, currentProvider, stateBadge } from './common.js';
import { toProposal, REJECTION_REASONS } from '../model.js';

export function render(main, ctx, [proposalId]) {
  const title = h('h1', {}, t('proposal.title'));
  const body = h('div', { id: 'proposal-body' }, loading());
  const outcome = h('div', { id: 'screening-outcome', class: 'outcome', role: 'status' });
  main.append(h('p', { class: 'back' }, h('a', { href: '#/queue' }, `← ${t('proposal.back')}`)), title, body);
  let stopped = false;
  let current = null;

  async function load({ announceState = false } = {}) {
    try {
      const json = await ctx.transferTable.get(ENDPOINTS.proposal(proposalId));
      if (stopped) return;
      const next = toProposal(json);
      if (announceState && current && next.state !== current.state) {
        announce(t('proposal.stateChanged', { state: label('state', next.state) }));
      }
      current = next;
      draw(next);
    } catch (error) {
      if (!stopped) replace(body, problem(error));
    }
  }

  function draw(p) {
    title.textContent = t('proposal.titleFor', { case: caseSummary(p) });
    replace(body,
      h('div', { class: 'columns' },
        h('div', { class: 'column-main' },
          caseSection(p),
          explanationSection(p)),
        h('div', { class: 'column-side' },
          screeningSection(p, ctx, outcome, () => load()))));
    sizeBars(body);
  }

  const unsubscribe = ctx.live.subscribe((event) => {
    const id = event.data?.proposalId || event.data?.aggregateId;
    if (!id || id === proposalId) load({ announceState: true });
  });
  load();
  return () => {
    stopped = true;
    unsubscribe();
  };
}

function caseSection(p) {
  return h('section', { class: 'card', 'aria-labelledby': 'case-title' },
    h('h2', { id: 'case-title' }, t('proposal.case')),
    h('dl', { class: 'facts' },
      fact(t('case.urgency'), urgencyBadge(p.urgency)),
      fact(t('case.ageBand'), p.ageBand ? t('case.age', { band: p.ageBand }) : '–'),
      fact(t('case.diagnosisGroup'), label('diagnosisGroup', p.diagnosisGroup)),
      fact(t('case.careLevel'), label('careLevel', p.careLevel)),
      fact(t('case.waited'), waitedVsNorm(p.daysWaited, p.normDays)),
      fact(t('case.currentProvider'), currentProvider(p.currentProviderAgb, p.currentProviderName)),
      fact(t('case.proposedProvider'), h('strong', {}, provider(p.receivingProviderAgb, p.receivingProviderName))),
      fact(t('case.state'), stateBadge(p.state)),
      p.offerExpiresAt ? fact(t('proposal.offerExpires'), formatDateTime(p.offerExpiresAt)) : null,
      fact(t('proposal.origin'), p.proposedBy
        ? t('proposal.manualBy', { user: p.proposedBy, org: p.proposedByOrganisation || '–' }) : label('origin', p.origin)),
      p.endOutcome ? fact(t('proposal.endOutcome'), label('outcome', p.endOutcome)) : null,
      p.rejectionReason ? fact(t('proposal.rejectionReason'), label('rejection', p.rejectionReason)) : null,
      p.declineReason ? fact(t('proposal.declineReason'), label('decline', p.declineReason)) : null,
      p.handoverContact ? fact(t('proposal.handover'), p.handoverContact) : null));
}

function explanationSection(p) {
  const e = p.explanation;
  if (!e) return null;
  const score = e.score || {};
  return h('section', { class: 'card', 'aria-labelledby': 'why-title' },
    h('h2', { id: 'why-title' }, t('proposal.why')),
    e.summary ? h('p', { class: 'why-summary' }, e.summary) : null,
    h('table', { class: 'data compact', id: 'score-table' },
      h('caption', {}, t('proposal.score')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('proposal.component')), h('th', { scope: 'col' }, t('proposal.fact')),
        h('th', { scope: 'col', class: 'num' }, t('proposal.points')))),
      h('tbody', {},
        scoreRow(t('proposal.urgentPoints'), score.urgent ? t('urgency.URGENT') : t('urgency.REGULAR'), score.urgentPoints),
        scoreRow(t('proposal.treeknormPoints'), normFact(score.daysPastTreeknorm), score.treeknormPoints),
        score.closure ? scoreRow(t('proposal.closurePoints'), t('proposal.closureFact'), score.closurePoints) : null,
        scoreRow(t('proposal.waitedPoints'), score.daysWaited === undefined ? '–'
          : t('proposal.daysWaited', { days: formatNumber(score.daysWaited) }), score.waitedPoints),
        scoreRow(t('proposal.distancePoints'), score.eHealth ? t('proposal.eHealth')
          : score.distanceKm === undefined ? '–' : `${formatNumber(score.distanceKm)} km`, score.distancePoints)),
      h('tfoot', {}, scoreRow(t('proposal.total'), '', score.totalPoints))),
    h('h3', {}, t('proposal.runnerUps')),
    e.runnerUps?.length ? h('table', { class: 'data compact', id: 'runner-ups' },
      h('caption', { class: 'visually-hidden' }, t('proposal.runnerUps')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('proposal.option')), h('th', { scope: 'col', class: 'num' }, t('proposal.distance')),
        h('th', { scope: 'col', class: 'num' }, t('proposal.pointsLost')), h('th', { scope: 'col' }, t('proposal.meaning')))),
      h('tbody', {}, e.runnerUps.map((r) => h('tr', {},
        h('th', { scope: 'row' }, r.option === 'NOT_PLACED' ? t('proposal.notPlaced') : provider(r.providerAgb, r.providerName)),
        h('td', { class: 'num' }, r.distanceKm === null || r.distanceKm === undefined ? '–' : `${formatNumber(r.distanceKm)} km`),
        h('td', { class: 'num' }, formatNumber(r.pointsLost)),
        h('td', {}, r.meaning || '')))))
      : h('p', { class: 'empty' }, t('proposal.noRunnerUps')),
    h('h3', {}, t('proposal.blocked')),
    e.blockedAlternatives?.length ? h('table', { class: 'data compact', id: 'blocked' },
      h('caption', { class: 'visually-hidden' }, t('proposal.blocked')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('proposal.provider')), h('th', { scope: 'col' }, t('proposal.reasons')))),
      h('tbody', {}, e.blockedAlternatives.map((b) => h('tr', {},
        h('th', { scope: 'row' }, provider(b.providerAgb, b.providerName)),
        h('td', {}, h('ul', { class: 'reasons' }, (b.reasons || []).map((r) => h('li', {},
          h('span', { class: `badge block-${String(r.code || '').toLowerCase()}` }, label('block', r.code)),
          r.detail ? ` ${r.detail}` : ''))))))))
      : h('p', { class: 'empty' }, t('proposal.noBlocked')),
    e.note ? h('p', { class: 'note' }, e.note) : null);
}

function screeningSection(p, ctx, outcome, reload) {
  const reasonId = uid('reason');
  const reasonSelect = h('select', { id: reasonId, name: 'reason', required: true },
    h('option', { value: '' }, t('proposal.chooseReason')),
    REJECTION_REASONS.map((code) => h('option', { value: code }, label('rejection', code))));
  const open = p.screenable;
  const approve = h('button', { type: 'button', class: 'primary', id: 'approve', disabled: !open }, t('proposal.approve'));
  const rejectButton = h('button', { type: 'submit', class: 'danger', id: 'reject', disabled: !open }, t('proposal.reject'));

  approve.addEventListener('click', async () => {
    approve.disabled = true;
    await act(() => ctx.transferTable.post(ENDPOINTS.approve(p.proposalId), {}), t('proposal.approved'));
    approve.disabled = false;
  });
  const rejectForm = h('form', {
    class: 'reject-form', 'aria-labelledby': 'reject-title', novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      if (!reasonSelect.value) {
        reasonSelect.setAttribute('aria-invalid', 'true');
        replace(outcome, h('p', { class: 'problem', role: 'alert' }, t('proposal.reasonRequired')));
        reasonSelect.focus();
        return;
      }
      reasonSelect.removeAttribute('aria-invalid');
      await act(() => ctx.transferTable.post(ENDPOINTS.reject(p.proposalId), { reason: reasonSelect.value }),
        t('proposal.rejected'));
    },
  },
  h('h3', { id: 'reject-title' }, t('proposal.rejectTitle')),
  h('label', { for: reasonId }, t('proposal.reason')), reasonSelect, rejectButton);

  // a first coordinator's rejection waits for a second coordinator (four eyes): confirm it, or approve instead
  const pending = p.pendingRejection;
  const confirmReject = h('button', { type: 'button', class: 'danger', id: 'confirm-rejection', disabled: !open },
    t('proposal.confirmRejection'));
  const approveInstead = h('button', { type: 'button', class: 'primary', id: 'approve-instead', disabled: !open },
    t('proposal.approveInstead'));
  confirmReject.addEventListener('click', async () => {
    confirmReject.disabled = true;
    await act(() => ctx.transferTable.post(ENDPOINTS.reject(p.proposalId), { reason: pending.reason }),
      t('proposal.rejected'));
    confirmReject.disabled = false;
  });
  approveInstead.addEventListener('click', async () => {
    approveInstead.disabled = true;
    await act(() => ctx.transferTable.post(ENDPOINTS.approve(p.proposalId), {}), t('proposal.approved'));
    approveInstead.disabled = false;
  });
  const pendingSection = pending ? h('div', { class: 'pending-rejection', id: 'pending-rejection' },
    h('p', {}, h('strong', {}, `${t('proposal.pendingRejection')} `),
      t('proposal.pendingRejectionBy', { user: pending.userId, org: pending.organisation,
        reason: label('rejection', pending.reason) }),
      pending.at ? h('span', { class: 'when' }, ` · ${formatDateTime(pending.at)}`) : null),
    open ? h('div', { class: 'actions' }, confirmReject, approveInstead) : null) : null;

  async function act(call, fallbackText) {
    try {
      const answer = await call();
      // the service says what happened and what is still needed; show its words
      const text = answer?.reason || answer?.message || fallbackText;
      replace(outcome, h('p', { class: 'success', id: 'screening-success' }, text));
      announce(text);
      await reload();
    } catch (error) {
      replace(outcome, problem(error, { id: 'screening-problem' }));
    }
    // the buttons may have been redrawn: keep keyboard focus on the answer
    outcome.setAttribute('tabindex', '-1');
    outcome.focus();
  }

  return h('section', { class: 'card screening', 'aria-labelledby': 'screening-title' },
    h('h2', { id: 'screening-title' }, t('proposal.screening')),
    h('p', { class: 'four-eyes-count', id: 'four-eyes-count' },
      t('proposal.approvalsOf', { count: p.approvals.length, needed: p.approvalsNeeded })),
    p.approvals.length ? h('ol', { class: 'approvals', id: 'approvals' }, p.approvals.map((a) => h('li', {},
      h('strong', {}, a.userId), ' ', t('proposal.fromOrganisation', { org: a.organisation }),
      a.at ? h('span', { class: 'when' }, ` · ${formatDateTime(a.at)}`) : null)))
      : h('p', { class: 'empty' }, t('proposal.noApprovals')),
    p.stillNeeded ? h('p', { class: 'still-needed', id: 'still-needed' }, h('strong', {}, `${t('proposal.stillNeeded')} `), p.stillNeeded) : null,
    pendingSection,
    open && !pending ? [h('div', { class: 'actions' }, approve), rejectForm] : null,
    open ? null
      : h('p', { class: 'notice' }, t('proposal.closed', { state: label('state', p.state) })),
    outcome);
}

/** Where the client stands against the Treeknorm deadline, in words. */
function normFact(daysPast) {
  if (daysPast === undefined || daysPast === null) return '–';
  if (daysPast === 0) return t('proposal.atNorm');
  return daysPast > 0 ? t('proposal.daysPastNorm', { days: formatNumber(daysPast) })
    : t('proposal.daysBeforeNorm', { days: formatNumber(-daysPast) });
}

function scoreRow(name, fact, points) {
  return h('tr', {}, h('th', { scope: 'row' }, name), h('td', {}, fact),
    h('td', { class: 'num' }, points === undefined || points === null ? '–' : formatNumber(points)));
}

function fact(name, value) {
  return h('div', { class: 'fact' }, h('dt', {}, name), h('dd', {}, value));
}
