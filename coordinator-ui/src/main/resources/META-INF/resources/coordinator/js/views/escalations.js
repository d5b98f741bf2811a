// Escalations: clients who could not be placed in the region in time (or urgently), for the
// insurer's care mediation or the regional escalation authority (000:543-551).

import { h, replace, announce, uid } from '../dom.js';
import { t, label, formatNumber, formatDateTime } from '../i18n.js';
import { ENDPOINTS } from '../endpoints.js';
import { heading, loading, problem, provider } from './common.js';
import { toEscalation, ROUTES, RESOLUTIONS } from '../model.js';

export function render(main, ctx) {
  const body = h('div', { id: 'escalations-body' }, loading());
  const outcome = h('div', { class: 'outcome', role: 'status', id: 'escalations-outcome', tabindex: '-1' });
  main.append(...heading(t('escalations.title'), t('escalations.intro')), outcome, body);
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
            t('escalations.insurer'), t('escalations.opened'), t('escalations.status'), t('queue.col.action')]
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
            : t('escalations.open')),
          h('td', {}, e.state === 'RESOLVED' ? '' : actions(e)))))));
    } catch (error) {
      if (!stopped) replace(body, problem(error));
    }
  }

  function actions(e) {
    const routeId = uid('route');
    const resolutionId = uid('resolution');
    const route = h('select', { id: routeId }, ROUTES.map((code) => h('option', { value: code, selected: code === e.route },
      label('escalationRoute', code))));
    const resolution = h('select', { id: resolutionId }, h('option', { value: '' }, t('escalations.chooseResolution')),
      RESOLUTIONS.map((code) => h('option', { value: code }, label('resolution', code))));
    return h('div', { class: 'decide' },
      h('details', { class: 'inline-form' }, h('summary', {}, t('escalations.reroute')),
        h('label', { for: routeId }, t('escalations.route')), route,
        h('button', { type: 'button', class: 'secondary small',
          onclick: () => act(() => ctx.transferTable.post(ENDPOINTS.routeEscalation(e.escalationId), { route: route.value })) },
        t('escalations.saveRoute'))),
      h('details', { class: 'inline-form' }, h('summary', {}, t('escalations.resolve')),
        h('label', { for: resolutionId }, t('escalations.resolution')), resolution,
        h('button', { type: 'button', class: 'primary small',
          onclick: () => (resolution.value
            ? act(() => ctx.transferTable.post(ENDPOINTS.resolveEscalation(e.escalationId), { resolution: resolution.value }))
            : resolution.focus()) },
        t('escalations.saveResolution'))));
  }

  async function act(call) {
    try {
      await call();
      replace(outcome, h('p', { class: 'success' }, t('escalations.saved')));
      announce(t('escalations.saved'));
      await load();
    } catch (error) {
      replace(outcome, problem(error));
    }
    outcome.focus();
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
