// Pieces several views share: headings, loading and problem messages, and how an anonymous case is shown.

import { h } from '../dom.js';
import { t, has, label, formatNumber } from '../i18n.js';

/** Treeknorm (001:463): at most 4 weeks from registration to intake, 14 weeks to start of treatment. */
export const NORM_INTAKE_DAYS = 28;
export const NORM_TREATMENT_DAYS = 98;

export function heading(title, intro) {
  return [h('h1', {}, title), intro ? h('p', { class: 'intro' }, intro) : null];
}

export function loading() {
  return h('p', { class: 'loading', role: 'status' }, t('app.loading'));
}

/**
 * An error from a service, with the service's own words. A refusal by a rule (problem `rule`, e.g.
 * the four-eyes rule's "own-proposal") gets a heading naming the rule; the detail is the API's
 * text, verbatim, so the page never says something else than the service decided.
 */
export function problem(error, { id } = {}) {
  if (error.status === 404 || error.status === 405) {
    return h('div', { class: 'notice', role: 'status', id }, t('problem.notAvailable'));
  }
  const title = error.rule && has(`rule.${error.rule}`) ? t(`rule.${error.rule}`)
    : error.status === 403 ? t('problem.forbidden')
      : error.status === 409 ? t('problem.conflict')
        : error.status === 0 ? t('problem.unreachable') : t('problem.generic');
  return h('div', { class: 'problem', role: 'alert', id, dataset: { rule: error.rule || '', status: String(error.status) } },
    h('p', { class: 'problem-title' }, title),
    error.detail ? h('p', { class: 'problem-detail' }, error.detail) : null,
    error.errors?.length ? h('ul', {}, error.errors.map((e) => h('li', {}, `${e.field}: ${e.message}`))) : null);
}

/** "Adult (25-44) · Depression · Specialist" */
export function caseSummary(item) {
  return [item.ageBand ? t('case.age', { band: item.ageBand }) : null, label('diagnosisGroup', item.diagnosisGroup),
    label('careLevel', item.careLevel)]
    .filter((part) => part && part !== '–').join(' · ');
}

export function urgencyBadge(urgency) {
  const urgent = urgency === 'URGENT';
  return h('span', { class: `badge ${urgent ? 'badge-urgent' : 'badge-regular'}` }, label('urgency', urgency || 'REGULAR'));
}

/**
 * Days waited against the Treeknorm: the number, the norm that applies and how far beyond it (or
 * how much time is left), as text and as a small bar (the text carries the meaning; the bar repeats it).
 */
export function waitedVsNorm(daysWaited, normDays) {
  if (daysWaited === null || daysWaited === undefined) return '–';
  const norm = normDays || NORM_INTAKE_DAYS;
  const beyond = daysWaited - norm;
  const ratio = Math.min(daysWaited / (norm * 2), 1);
  return h('span', { class: 'waited' },
    h('span', { class: 'waited-text' },
      t('case.waitedDays', { days: formatNumber(daysWaited), norm: formatNumber(norm) }),
      ' ',
      h('span', { class: beyond > 0 ? 'beyond' : 'within' },
        beyond > 0 ? t('case.beyondNorm', { days: formatNumber(beyond) }) : t('case.withinNorm', { days: formatNumber(-beyond) }))),
    h('span', { class: 'waited-bar', 'aria-hidden': 'true' },
      h('span', { class: `waited-fill ${beyond > 0 ? 'over' : ''}`, style: null, dataset: { ratio: ratio.toFixed(2) } }),
      h('span', { class: 'waited-norm' })));
}

/** After rendering: size the waited bars (set through the CSSOM, which the page's CSP allows). */
export function sizeBars(root) {
  for (const fill of root.querySelectorAll('.waited-fill')) {
    fill.style.width = `${Number(fill.dataset.ratio) * 100}%`;
  }
}

export function provider(agb, name) {
  if (!agb) return '–';
  return name ? `${name} (${agb})` : t('case.provider', { agb });
}

/** The client's current provider; none means still waiting unplaced (a stop, or not yet registered anywhere). */
export function currentProvider(agb, name) {
  return agb ? provider(agb, name) : h('span', { class: 'muted' }, t('case.unplaced'));
}

export function stateBadge(state) {
  return h('span', { class: `badge state state-${String(state || '').toLowerCase()}` }, label('state', state));
}
