// Escalations: clients who could not be placed in the region in time (or urgently), for the
// insurer's care mediation or the regional escalation authority (000:543-551).

import { h, replace } from '../dom.js';
import { t, label, formatNumber, formatDateTime } from '../i18n.js';
import { ENDPOINTS } from '../endpoints.js';
import { heading, loading, problem, provider } from './common.js';
import { toEscalation } from '../model.js';

export function render(main, ctx) {
  const body = h('div', { id: 'escalations-body' }, loading());
  main.append(...heading(t('escalations.title'), t('escalations.intro')), body);
  let stopped = false;

  async function load() {
    try {
      const answer = await ctx.transferTable.get(ENDPOINTS.escalations);
      if (stopped) return;
      const items = (Array.isArray(answer) ? answer : []).map(toEscalation);
      if (!items.length) {
        replace(body, h('p', { class: 'empty' }, t('escalations.empty')));
        return;
      }
      replace(body, h('table', { class: 'data', id: 'escalations-table' },
        h('caption', { class: 'visually-hidden' }, t('escalations.title')),
        h('thead', {}, h('tr', {},
          [t('escalations.reason'), t('escalations.route'), t('escalations.daysWaited'), t('queue.col.current'),
            t('escalations.insurer'), t('escalations.opened'), t('escalations.status')]
            .map((text, i) => h('th', { scope: 'col', class: i === 2 ? 'num' : null }, text)))),
        h('tbody', {}, items.map((e) => h('tr', { dataset: { escalationId: e.escalationId } },
          h('td', {}, label('escalationReason', e.reason)),
          h('td', {}, label('escalationRoute', e.route)),
          h('td', { class: 'num' }, formatNumber(e.daysWaited)),
          h('td', {}, provider(e.currentProviderAgb)),
          h('td', {}, e.insurerUzovi || '–'),
          h('td', {}, formatDateTime(e.openedAt)),
          h('td', {}, e.state === 'RESOLVED'
            ? t('escalations.resolved', { when: formatDateTime(e.resolvedAt), how: label('resolution', e.resolution) })
            : t('escalations.open')))))));
    } catch (error) {
      if (!stopped) replace(body, problem(error));
    }
  }

  const unsubscribe = ctx.live.subscribe((event) => {
    if (String(event.data?.eventType || '').startsWith('Escalation')) load();
  });
  load();
  return () => {
    stopped = true;
    unsubscribe();
  };
}
