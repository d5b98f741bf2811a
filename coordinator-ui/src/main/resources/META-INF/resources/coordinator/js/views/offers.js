// Offers waiting for acceptance: approved proposals whose place is reserved, waiting for the
// receiving provider and the client (or the GP or a client supporter on the client's behalf).

import { h, replace } from '../dom.js';
import { t, label, formatDateTime } from '../i18n.js';
import { ENDPOINTS } from '../endpoints.js';
import { heading, loading, problem, caseSummary, urgencyBadge, provider } from './common.js';
import { toOffer } from '../model.js';

export function render(main, ctx) {
  const body = h('div', { id: 'offers-body' }, loading());
  main.append(...heading(t('offers.title'), t('offers.intro')), body);
  let stopped = false;
  let pending = null;

  async function load() {
    try {
      const answer = await ctx.transferTable.get(ENDPOINTS.offers);
      if (stopped) return;
      const offers = (Array.isArray(answer) ? answer : answer?.items || []).map(toOffer);
      if (!offers.length) {
        replace(body, h('p', { class: 'empty' }, t('offers.empty')));
        return;
      }
      replace(body, h('table', { class: 'data', id: 'offers-table' },
        h('caption', { class: 'visually-hidden' }, t('offers.title')),
        h('thead', {}, h('tr', {},
          [t('queue.col.urgency'), t('queue.col.case'), t('queue.col.current'), t('offers.receiving'),
            t('offers.providerAnswer'), t('offers.clientAnswer'), t('offers.expires')].map((text) => h('th', { scope: 'col' }, text)))),
        h('tbody', {}, offers.map((o) => h('tr', { dataset: { proposalId: o.proposalId } },
          h('td', {}, urgencyBadge(o.urgency)),
          h('td', {}, h('a', { href: `#/proposals/${encodeURIComponent(o.proposalId)}` }, caseSummary(o))),
          h('td', {}, provider(o.currentProviderAgb)),
          h('td', {}, provider(o.receivingProviderAgb)),
          h('td', {}, o.providerAccepted ? t('offers.accepted') : t('offers.pending')),
          h('td', {}, o.clientAccepted ? t('offers.accepted') : t('offers.pending')),
          h('td', {}, formatDateTime(o.expiresAt)))))));
    } catch (error) {
      if (!stopped) replace(body, problem(error));
    }
  }

  const unsubscribe = ctx.live.subscribe(() => {
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
