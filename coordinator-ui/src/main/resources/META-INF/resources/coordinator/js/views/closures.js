// Closures (issue 15 item 2): a provider closes a location or stops a care programme, and its clients
// become a bulk transfer case. Per case: progress (placed / offered / in screening / no match yet),
// the report (placed within the norm, escalated, longest remaining wait), and per client the proposal
// to open in the queue, or the warm handover with the closing organisation's contact. Marks: a proposal out
// of region, a client searching out of region (its region could not place it, ADR 1430), a client in
// treatment re-matched because the treatment must move (its handover contact stays shown, ADR 1431), and a
// client a location closure took in although nobody named its location ("location unknown").

import { h, replace } from '../dom.js';
import { t, label, formatNumber, formatDate } from '../i18n.js';
import { ENDPOINTS } from '../endpoints.js';
import { heading, loading, problem, provider } from './common.js';
import { toClosure } from '../model.js';

export function render(main, ctx, params = []) {
  const body = h('div', { id: 'closures-body' }, loading());
  main.append(...heading(t('closures.title'), t('closures.intro')), body);
  let stopped = false;
  const openId = params[0] || null;

  async function load() {
    try {
      const answer = await ctx.transferTable.get(ENDPOINTS.closures);
      if (stopped) return;
      const cases = (Array.isArray(answer) ? answer : []).map(toClosure);
      if (!cases.length) {
        replace(body, h('p', { class: 'empty' }, t('closures.empty')));
        return;
      }
      replace(body, h('ul', { class: 'closures', id: 'closures-list' }, cases.map((c) => caseCard(c))));
      const chosen = openId || cases[0].closureId;
      if (cases.some((c) => c.closureId === chosen)) await loadMembers(chosen);
    } catch (error) {
      if (!stopped) replace(body, problem(error));
    }
  }

  async function loadMembers(closureId) {
    const target = body.querySelector(`[data-closure-id="${CSS.escape(closureId)}"] .closure-members`);
    if (!target) return;
    try {
      const detail = toClosure(await ctx.transferTable.get(ENDPOINTS.closure(closureId)));
      if (stopped) return;
      replace(target, membersTable(detail));
    } catch (error) {
      if (!stopped) replace(target, problem(error));
    }
  }

  function caseCard(c) {
    const r = c.report;
    const scope = [
      c.locationId ? t('closures.location', { id: c.locationId }) : t('closures.wholeProvider'),
      c.diagnosisGroups.length ? c.diagnosisGroups.map((g) => label('diagnosisGroup', g)).join(', ') : t('closures.allGroups'),
    ].join(' · ');
    const max = Math.max(1, c.toPlace);
    return h('li', { class: 'card closure', dataset: { closureId: c.closureId } },
      h('h2', {}, t('closures.caseTitle', { end: formatDate(c.endDate) }), ' ', provider(c.providerAgb)),
      h('p', { class: 'small' }, scope, ' · ', t('closures.contact', { contact: c.handoverContact })),
      h('progress', { class: 'closure-progress', max: String(max), value: String(r.placed),
        'aria-label': t('closures.progressLabel', { placed: formatNumber(r.placed), total: formatNumber(c.toPlace) }) }),
      h('ul', { class: 'tiles closure-counts', 'aria-label': t('closures.progress') },
        count('placed', t('closures.placed'), r.placed),
        count('offered', t('closures.offered'), r.offered),
        count('in-screening', t('closures.inScreening'), r.inScreening),
        count('no-match', t('closures.noMatchYet'), r.noMatchYet),
        count('handover', t('closures.warmHandover'), r.warmHandover)),
      h('p', { class: 'closure-report' }, t('closures.report', {
        clients: formatNumber(r.clients), withinNorm: formatNumber(r.placedWithinNorm),
        escalated: formatNumber(r.escalated),
        longest: r.longestRemainingWaitDays === null ? '–' : formatNumber(r.longestRemainingWaitDays),
      })),
      h('p', { class: 'closure-report closure-report-more' }, t('closures.reportMore', {
        outOfRegion: formatNumber(r.outOfRegion), searching: formatNumber(r.searchingOutOfRegion),
        rematched: formatNumber(r.rematchedFromTreatment),
      })),
      c.locationId && r.locationUnknown
        ? h('p', { class: 'closure-report closure-location-unknown' },
          t('closures.locationUnknownCount', { count: formatNumber(r.locationUnknown) }))
        : '',
      h('details', { class: 'closure-members-box', open: true },
        h('summary', {}, t('closures.members')),
        h('div', { class: 'closure-members' },
          h('button', { type: 'button', class: 'secondary small', onclick: () => loadMembers(c.closureId) },
            t('closures.showMembers')))));
  }

  function count(name, text, value) {
    return h('li', { class: `tile closure-${name}` }, h('span', { class: 'tile-name' }, text),
      h('span', { class: 'tile-value' }, formatNumber(value)));
  }

  function membersTable(c) {
    if (!c.members.length) return h('p', { class: 'empty' }, t('closures.noMembers'));
    return h('table', { class: 'data closure-members-table' },
      h('caption', { class: 'visually-hidden' }, t('closures.members')),
      h('thead', {}, h('tr', {}, [t('closures.client'), t('closures.registered'), t('closures.status'), t('queue.col.action')]
        .map((text) => h('th', { scope: 'col' }, text)))),
      h('tbody', {}, c.members.map((m) => h('tr', { dataset: { referralId: m.referralId } },
        h('td', {}, h('code', {}, m.clientPseudonym.slice(0, 12))),
        h('td', {}, m.registeredOn ? formatDate(m.registeredOn) : '–'),
        h('td', {}, label('closureStatus', m.status), ...marks(m)),
        h('td', {}, m.proposalId
          ? h('a', { href: `#/proposals/${encodeURIComponent(m.proposalId)}` }, t('closures.openProposal')) : '',
          // a client in treatment keeps its handover contact, also once it is re-matched
          m.warmHandover ? h('span', { class: 'closure-handover' }, m.proposalId ? ' · ' : '',
            t('closures.handoverWith', { contact: m.handoverContact || c.handoverContact })) : '')))));
  }

  function marks(m) {
    const out = [];
    if (m.escalated) out.push(t('closures.escalatedMark'));
    if (m.outOfRegion) out.push(t('closures.outOfRegionMark'));
    else if (m.outOfRegionSince) out.push(t('closures.searchingOutOfRegionMark', { since: formatDate(m.outOfRegionSince) }));
    if (m.rematchedFromTreatment) out.push(t('closures.rematchedMark'));
    if (m.locationUnknown) out.push(t('closures.locationUnknownMark'));
    return out.map((text) => h('span', { class: 'closure-mark' }, ` · ${text}`));
  }

  const unsubscribe = ctx.live.subscribe((event) => {
    const type = String(event.data?.eventType || '');
    if (type.startsWith('Transfer') || type.startsWith('Proposal') || type.startsWith('Escalation')) load();
  });
  load();
  return () => {
    stopped = true;
    unsubscribe();
  };
}
