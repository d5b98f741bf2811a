// The screening queue of the coordinator's region, in the order of priority the transfer table gives
// (urgent first, then how far beyond the Treeknorm, then longest waited). It follows the live stream:
// proposals that arrive or leave are announced in the live region and marked in the table.

import { h, replace, announce, uid } from '../dom.js';
import { t, label, formatNumber } from '../i18n.js';
import { ENDPOINTS } from '../endpoints.js';
import { heading, loading, problem, caseSummary, urgencyBadge, waitedVsNorm, sizeBars, provider, currentProvider, stateBadge } from './common.js';
import { toQueueItem } from '../model.js';

export function render(main, ctx) {
  const filterId = uid('filter');
  const status = h('p', { class: 'queue-status', id: 'queue-status' });
  const body = h('div', { id: 'queue-body' }, loading());
  const filter = h('select', { id: filterId, onchange: () => draw() },
    h('option', { value: '' }, t('queue.allGroups')));
  main.append(...heading(t('queue.title'), t('queue.intro')),
    h('div', { class: 'toolbar' },
      h('label', { for: filterId }, t('queue.filterGroup')), filter, status),
    body);

  let items = [];
  let known = null;
  let fresh = new Set();
  let stopped = false;
  let pending = null;

  async function load() {
    try {
      const answer = await ctx.transferTable.get(ENDPOINTS.queue);
      if (stopped) return;
      const next = (Array.isArray(answer) ? answer : answer?.items || []).map(toQueueItem);
      const ids = new Set(next.map((item) => item.proposalId));
      if (known) {
        const added = next.filter((item) => !known.has(item.proposalId));
        const left = [...known].filter((id) => !ids.has(id)).length;
        fresh = new Set(added.map((item) => item.proposalId));
        if (added.length) announce(t('queue.arrived', { count: added.length }));
        if (left) announce(t('queue.left', { count: left }));
      }
      known = ids;
      items = next;
      fillFilter();
      draw();
    } catch (error) {
      if (!stopped) replace(body, problem(error));
    }
  }

  function fillFilter() {
    const groups = [...new Set(items.map((item) => item.diagnosisGroup).filter(Boolean))].sort();
    const chosen = filter.value;
    replace(filter, h('option', { value: '' }, t('queue.allGroups')),
      groups.map((group) => h('option', { value: group, selected: group === chosen }, label('diagnosisGroup', group))));
  }

  function draw() {
    const shown = filter.value ? items.filter((item) => item.diagnosisGroup === filter.value) : items;
    status.textContent = t('queue.count', { count: formatNumber(shown.length) });
    if (!shown.length) {
      replace(body, h('p', { class: 'empty' }, t('queue.empty')));
      return;
    }
    replace(body, h('table', { class: 'data queue', id: 'queue-table' },
      h('caption', { class: 'visually-hidden' }, t('queue.caption')),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', class: 'num' }, t('queue.col.priority')),
        h('th', { scope: 'col' }, t('queue.col.urgency')),
        h('th', { scope: 'col' }, t('queue.col.case')),
        h('th', { scope: 'col' }, t('queue.col.waited')),
        h('th', { scope: 'col' }, t('queue.col.current')),
        h('th', { scope: 'col' }, t('queue.col.proposed')),
        h('th', { scope: 'col' }, t('queue.col.screening')),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('queue.col.action'))))),
      h('tbody', {}, shown.map((item, index) => h('tr', {
        class: fresh.has(item.proposalId) ? 'row-new' : null,
        dataset: { proposalId: item.proposalId, state: item.state || '' },
      },
      h('td', { class: 'num' }, formatNumber(index + 1)),
      h('td', {}, urgencyBadge(item.urgency)),
      h('td', {}, caseSummary(item)),
      h('td', {}, waitedVsNorm(item.daysWaited, item.normDays)),
      h('td', {}, currentProvider(item.currentProviderAgb, item.currentProviderName)),
      h('td', {}, provider(item.receivingProviderAgb, item.receivingProviderName)),
      h('td', {}, stateBadge(item.state), ' ',
        h('span', { class: 'approvals' }, t('queue.approvals', { count: item.approvals.length, needed: item.approvalsNeeded })),
        item.pendingRejection ? h('span', { class: 'badge rejection-pending' }, t('queue.rejectionPending')) : null),
      h('td', {}, h('a', {
        href: `#/proposals/${encodeURIComponent(item.proposalId)}`, class: 'button-link',
        'aria-label': t('queue.openLabel', { rank: index + 1, case: caseSummary(item) }),
      }, t('queue.open'))))))));
    sizeBars(body);
  }

  const unsubscribe = ctx.live.subscribe(() => {
    // a burst of changes (one matching round) becomes one reload
    clearTimeout(pending);
    pending = setTimeout(load, 250);
  });
  load();
  return () => {
    stopped = true;
    clearTimeout(pending);
    unsubscribe();
  };
}
