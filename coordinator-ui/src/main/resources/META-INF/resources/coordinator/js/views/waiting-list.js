// Waiting-list screening: coordinators go through a provider's waiting list and mark clients as
// "transfer candidate" or "not suitable for transfer" with a coded reason; a second coordinator
// confirms (or dismisses) the mark under the same four-eyes rule as proposals. The list is the
// transfer table's anonymous read model of the region.

import { h, replace, announce, uid } from '../dom.js';
import { t, label, formatDate, formatDateTime } from '../i18n.js';
import { ENDPOINTS } from '../endpoints.js';
import { heading, loading, problem, caseSummary, urgencyBadge, waitedVsNorm, sizeBars, provider } from './common.js';
import { toWaitingClient, toScreening, toCapacityLine, VERDICTS, MARK_REASONS } from '../model.js';

export function render(main, ctx) {
  const providerId = uid('provider');
  const outcome = h('div', { class: 'outcome', role: 'status', id: 'waiting-list-outcome', tabindex: '-1' });
  const openBody = h('div', { id: 'open-screenings' }, loading());
  const listBody = h('div', { id: 'waiting-list-body' }, loading());
  const providerSelect = h('select', { id: providerId, onchange: () => drawList() });
  main.append(...heading(t('waitingList.title'), t('waitingList.intro')), outcome,
    h('section', { class: 'card', 'aria-labelledby': 'open-title' },
      h('h2', { id: 'open-title' }, t('waitingList.openTitle')), openBody),
    h('section', { class: 'card', 'aria-labelledby': 'list-title' },
      h('h2', { id: 'list-title' }, t('waitingList.listTitle')),
      h('div', { class: 'toolbar' }, h('label', { for: providerId }, t('waitingList.provider')), providerSelect),
      listBody));
  let clients = [];
  let screenings = [];
  let lines = [];
  let stopped = false;

  async function load() {
    const [clientsAnswer, screeningsAnswer, linesAnswer] = await Promise.allSettled([
      ctx.transferTable.get(ENDPOINTS.waitingClients), ctx.transferTable.get(ENDPOINTS.waitingListScreenings),
      ctx.transferTable.get(ENDPOINTS.capacityLines)]);
    if (stopped) return;
    lines = linesAnswer.status === 'fulfilled' ? (linesAnswer.value || []).map(toCapacityLine) : [];
    if (screeningsAnswer.status === 'fulfilled') {
      screenings = (screeningsAnswer.value || []).map(toScreening);
      drawOpen();
    } else {
      screenings = [];
      replace(openBody, problem(screeningsAnswer.reason));
    }
    if (clientsAnswer.status === 'fulfilled') {
      clients = (clientsAnswer.value || []).map(toWaitingClient)
        // urgent first, then longest waited: the order in which a coordinator would go through a list
        .sort((a, b) => (b.urgency === 'URGENT') - (a.urgency === 'URGENT') || (b.daysWaited ?? 0) - (a.daysWaited ?? 0));
      const providers = [...new Set(clients.map((c) => c.currentProviderAgb).filter(Boolean))].sort();
      const chosen = providerSelect.value || providers[0] || '';
      replace(providerSelect, h('option', { value: '' }, t('waitingList.allProviders')),
        providers.map((agb) => h('option', { value: agb, selected: agb === chosen }, provider(agb))));
      drawList();
    } else {
      replace(listBody, problem(clientsAnswer.reason));
    }
  }

  function drawOpen() {
    const open = screenings.filter((s) => s.state === 'OPEN');
    if (!open.length) {
      replace(openBody, h('p', { class: 'empty' }, t('waitingList.noOpen')));
      return;
    }
    replace(openBody, h('table', { class: 'data', id: 'open-screenings-table' },
      h('caption', { class: 'visually-hidden' }, t('waitingList.openTitle')),
      h('thead', {}, h('tr', {}, [t('queue.col.current'), t('waitingList.verdict'), t('waitingList.reason'),
        t('waitingList.markedBy'), t('proposal.stillNeeded'), t('queue.col.action')].map((text) => h('th', { scope: 'col' }, text)))),
      h('tbody', {}, open.map((s) => h('tr', { dataset: { screeningId: s.screeningId } },
        h('td', {}, provider(s.currentProviderAgb)),
        h('td', {}, label('verdict', s.verdict)),
        h('td', {}, label('markReason', s.reason)),
        h('td', {}, s.approvals.map((a) => `${a.userId} (${a.organisation})`).join(', '),
          h('span', { class: 'when' }, ` · ${formatDateTime(s.createdAt)}`)),
        h('td', { class: 'small' }, s.stillNeeded || '–'),
        h('td', {}, decideControls(s)))))));
  }

  function decideControls(s) {
    const reasonId = uid('dismiss');
    const reason = h('select', { id: reasonId },
      h('option', { value: '' }, t('proposal.chooseReason')),
      MARK_REASONS.map((code) => h('option', { value: code }, label('markReason', code))));
    return h('div', { class: 'decide' },
      h('button', {
        type: 'button', class: 'primary small',
        onclick: () => act(() => ctx.transferTable.post(ENDPOINTS.confirmScreening(s.screeningId), {})),
      }, t('waitingList.confirm')),
      h('details', { class: 'inline-form' },
        h('summary', {}, t('waitingList.dismiss')),
        h('label', { for: reasonId }, t('waitingList.reason')), reason,
        h('button', {
          type: 'button', class: 'secondary small',
          onclick: () => (reason.value
            ? act(() => ctx.transferTable.post(ENDPOINTS.dismissScreening(s.screeningId), { reason: reason.value }))
            : reason.focus()),
        }, t('waitingList.dismissConfirm'))));
  }

  function drawList() {
    const shown = providerSelect.value ? clients.filter((c) => c.currentProviderAgb === providerSelect.value) : clients;
    if (!shown.length) {
      replace(listBody, h('p', { class: 'empty' }, t('waitingList.empty')));
      return;
    }
    const openByReferral = new Map(screenings.filter((s) => s.state === 'OPEN').map((s) => [s.referralId, s]));
    replace(listBody, h('table', { class: 'data', id: 'waiting-list-table' },
      h('caption', { class: 'visually-hidden' }, t('waitingList.listTitle')),
      h('thead', {}, h('tr', {}, [t('queue.col.urgency'), t('queue.col.case'), t('waitingList.registered'),
        t('queue.col.waited'), t('waitingList.status'), t('waitingList.screening')].map((text) => h('th', { scope: 'col' }, text)))),
      h('tbody', {}, shown.map((c) => h('tr', { dataset: { referralId: c.referralId } },
        h('td', {}, urgencyBadge(c.urgency)),
        h('td', {}, caseSummary(c)),
        h('td', {}, formatDate(c.registeredOn)),
        h('td', {}, waitedVsNorm(c.daysWaited, c.normDays)),
        h('td', {}, label('waitingStatus', c.waitingStatus),
          c.stale ? h('span', { class: 'badge badge-stale' }, t('waitingList.stale')) : null),
        h('td', {}, h('div', { class: 'decide' }, openByReferral.has(c.referralId)
          ? label('verdict', openByReferral.get(c.referralId).verdict) + ' · ' + t('waitingList.awaitingSecond')
          : markForm(c), proposeForm(c))))))));
    sizeBars(listBody);
  }

  function markForm(c) {
    const verdictId = uid('verdict');
    const reasonId = uid('reason');
    const verdict = h('select', { id: verdictId }, VERDICTS.map((code) => h('option', { value: code }, label('verdict', code))));
    const reason = h('select', { id: reasonId },
      h('option', { value: '' }, t('proposal.chooseReason')),
      MARK_REASONS.map((code) => h('option', { value: code }, label('markReason', code))));
    return h('details', { class: 'inline-form' },
      h('summary', {}, t('waitingList.mark')),
      h('label', { for: verdictId }, t('waitingList.verdict')), verdict,
      h('label', { for: reasonId }, t('waitingList.reason')), reason,
      h('button', {
        type: 'button', class: 'primary small',
        onclick: () => (reason.value
          ? act(() => ctx.transferTable.post(ENDPOINTS.waitingListScreenings,
            { referralId: c.referralId, verdict: verdict.value, reason: reason.value }))
          : reason.focus()),
      }, t('waitingList.markConfirm')));
  }

  /** A proposal by hand: the coordinator picks a capacity line; the service checks eligibility and says why not. */
  function proposeForm(c) {
    const fitting = lines.filter((line) => line.diagnosisGroups.includes(c.diagnosisGroup)
      && (!c.careLevel || line.careLevel === c.careLevel) && line.placesLeft > 0 && line.providerAgb !== c.currentProviderAgb);
    if (!fitting.length) return null;
    const lineId = uid('line');
    const select = h('select', { id: lineId }, fitting.map((line) => h('option', { value: line.capacityLineId },
      t('waitingList.lineOption', { provider: provider(line.providerAgb), area: line.postcodeArea || '–', places: line.placesLeft }))));
    return h('details', { class: 'inline-form' },
      h('summary', {}, t('waitingList.propose')),
      h('label', { for: lineId }, t('waitingList.line')), select,
      h('button', {
        type: 'button', class: 'primary small',
        onclick: async () => {
          try {
            const detail = await ctx.transferTable.post(ENDPOINTS.proposals, { referralId: c.referralId, capacityLineId: select.value });
            announce(t('waitingList.proposed'));
            ctx.navigate(`#/proposals/${encodeURIComponent(detail.proposalId)}`);
          } catch (error) {
            replace(outcome, problem(error));
            outcome.focus();
          }
        },
      }, t('waitingList.proposeConfirm')));
  }

  async function act(call) {
    try {
      const answer = await call();
      const text = answer?.decisionReason || t('waitingList.done');
      replace(outcome, h('p', { class: 'success' }, text));
      announce(text);
      await load();
    } catch (error) {
      replace(outcome, problem(error));
    }
    outcome.focus();
  }

  load();
  return () => { stopped = true; };
}
