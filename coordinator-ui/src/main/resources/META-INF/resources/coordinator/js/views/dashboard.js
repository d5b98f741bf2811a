// The regional dashboard (domain rule 10; the supervisors' letter): per region and diagnosis group,
// unique number waiting and beyond each norm, transfers made this month and the trend, the median
// time from capacity announced to proposal, declines by reason, transfers blocked by contracts or
// ceilings per insurer, stops and pauses in force. Each figure comes from the service that owns it:
// intake-service (waiting, norms, intakes), transfer-table-service (transfers, declines, blocks,
// time to proposal), capacity-service (stops, pauses, open capacity). A source that does not answer
// leaves its own sections saying so; the rest still shows.

import { h, replace, uid } from '../dom.js';
import { t, label, formatNumber, formatMonth, formatDate } from '../i18n.js';
import { ENDPOINTS } from '../endpoints.js';
import { heading, loading, problem } from './common.js';
import { groupedBars, stackedBars, columns, dataTable } from '../charts.js';
import { lastValidationRound } from '../model.js';

const TREND_MONTHS = 6;

export function render(main, ctx) {
  const groupId = uid('group');
  const groupSelect = h('select', { id: groupId, onchange: () => draw() }, h('option', { value: '' }, t('dashboard.allGroups')));
  const body = h('div', { id: 'dashboard-body' }, loading());
  main.append(...heading(t('dashboard.title'), t('dashboard.intro')),
    h('div', { class: 'toolbar' }, h('label', { for: groupId }, t('dashboard.group')), groupSelect), body);
  let data = null;
  let stopped = false;

  async function load() {
    const months = monthStarts(TREND_MONTHS);
    const [intake, capacity, transfers, ...perMonth] = await Promise.allSettled([
      ctx.intake.get(ENDPOINTS.intakeFigures),
      ctx.capacity.get(ENDPOINTS.capacityFigures),
      ctx.transferTable.get(ENDPOINTS.transferFigures()),
      ...months.map((month) => ctx.transferTable.get(ENDPOINTS.transferFigures(`${month}-01`))),
    ]);
    if (stopped) return;
    data = { intake, capacity, transfers, trend: trendOf(months, perMonth) };
    const groups = intake.status === 'fulfilled' ? (intake.value.byDiagnosisGroup || []).map((g) => g.diagnosisGroup) : [];
    const chosen = groupSelect.value;
    replace(groupSelect, h('option', { value: '' }, t('dashboard.allGroups')),
      groups.map((group) => h('option', { value: group, selected: group === chosen }, label('diagnosisGroup', group))));
    draw();
  }

  function draw() {
    if (!data) return;
    const group = groupSelect.value || null;
    replace(body,
      tiles(data, group),
      h('div', { class: 'dashboard-grid' },
        waitingSection(data.intake, group),
        transfersSection(data.trend, data.transfers),
        declinesSection(data.transfers),
        blockedSection(data.transfers),
        restrictionsSection(data.capacity, group),
        intakesSection(data.intake, group)),
      // region-wide, whatever group is chosen: a round is per region, provider or group of its own
      validationSection(data.intake));
  }

  load();
  return () => { stopped = true; };
}

/** The first day of this month and the months before it, oldest first, as "YYYY-MM". */
function monthStarts(count) {
  const now = new Date();
  const months = [];
  for (let back = count - 1; back >= 0; back -= 1) {
    const d = new Date(now.getFullYear(), now.getMonth() - back, 1);
    months.push(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`);
  }
  return months;
}

/**
 * Completed transfers per month, from the transfer table's figures "since the first of the month":
 * since(m) - since(m + 1) is what was completed in month m.
 */
function trendOf(months, answers) {
  if (answers.some((a) => a.status !== 'fulfilled')) {
    return { error: answers.find((a) => a.status !== 'fulfilled').reason };
  }
  const since = answers.map((a) => a.value.completedTransfers ?? 0);
  const points = months.map((month, i) => ({ month, value: Math.max(0, since[i] - (i + 1 < since.length ? since[i + 1] : 0)) }));
  const medians = answers.map((a) => a.value.medianSecondsCapacityToProposal);
  return { points, thisMonthMedian: medians[medians.length - 1] };
}

function tiles(data, group) {
  const items = [];
  if (data.intake.status === 'fulfilled') {
    const counts = countsFor(data.intake.value, group);
    items.push(tile('tile-waiting', t('dashboard.uniqueWaiting'), formatNumber(counts?.uniqueWaiting ?? 0), t('dashboard.source.intake')));
    items.push(tile('tile-beyond-intake', t('dashboard.beyondIntakeNorm'), formatNumber(counts?.beyondIntakeNorm ?? 0),
      t('dashboard.normIntake')));
    items.push(tile('tile-beyond-treatment', t('dashboard.beyondTreatmentNorm'), formatNumber(counts?.beyondTreatmentNorm ?? 0),
      t('dashboard.normTreatment')));
  }
  if (!data.trend.error) {
    const points = data.trend.points;
    const current = points[points.length - 1].value;
    const previous = points[points.length - 2]?.value ?? 0;
    const delta = current - previous;
    items.push(tile('tile-transfers', t('dashboard.transfersThisMonth'), formatNumber(current),
      delta === 0 ? t('dashboard.sameAsLastMonth')
        : t(delta > 0 ? 'dashboard.moreThanLastMonth' : 'dashboard.fewerThanLastMonth', { n: formatNumber(Math.abs(delta)) })));
  }
  if (data.transfers.status === 'fulfilled') {
    items.push(tile('tile-median', t('dashboard.medianToProposal'), duration(data.transfers.value.medianSecondsCapacityToProposal),
      t('dashboard.regionWide')));
  }
  if (data.capacity.status === 'fulfilled') {
    const rows = restrictionsFor(data.capacity.value, group);
    const stops = rows.reduce((n, r) => n + r.stops, 0);
    const pauses = rows.reduce((n, r) => n + r.pauses, 0);
    items.push(tile('tile-restrictions', t('dashboard.stopsPauses'), `${formatNumber(stops)} / ${formatNumber(pauses)}`,
      t('dashboard.stopsPausesHint')));
  }
  return h('ul', { class: 'tiles', 'aria-label': t('dashboard.keyFigures') }, items);
}

function tile(id, name, value, hint) {
  return h('li', { class: 'tile', id }, h('span', { class: 'tile-name' }, name), h('span', { class: 'tile-value' }, value),
    hint ? h('span', { class: 'tile-hint' }, hint) : null);
}

function section(id, title, source, ...content) {
  return h('section', { class: 'card', id, 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, title), h('p', { class: 'source' }, source), ...content);
}

function failed(answer) {
  return problem(answer.reason || answer.error);
}

function countsFor(figures, group) {
  return group ? (figures.byDiagnosisGroup || []).find((g) => g.diagnosisGroup === group) : figures.total;
}

function waitingSection(intake, group) {
  const id = 'dash-waiting';
  const source = t('dashboard.source.intake');
  if (intake.status !== 'fulfilled') return section(id, t('dashboard.waitingTitle'), source, failed(intake));
  const groups = (intake.value.byDiagnosisGroup || []).filter((g) => !group || g.diagnosisGroup === group)
    .sort((a, b) => b.uniqueWaiting - a.uniqueWaiting);
  if (!groups.length) return section(id, t('dashboard.waitingTitle'), source, h('p', { class: 'empty' }, t('dashboard.noWaiting')));
  const series = [
    { name: t('dashboard.uniqueWaiting'), className: 'series-a' },
    { name: t('dashboard.beyondIntakeNorm'), className: 'series-b' },
    { name: t('dashboard.beyondTreatmentNorm'), className: 'series-c' },
  ];
  const rows = groups.map((g) => ({ label: label('diagnosisGroup', g.diagnosisGroup),
    values: [g.uniqueWaiting, g.beyondIntakeNorm, g.beyondTreatmentNorm] }));
  return section(id, t('dashboard.waitingTitle'), source,
    groupedBars({ title: t('dashboard.waitingTitle'), description: t('dashboard.waitingDesc'), rows, series }),
    h('details', {}, h('summary', {}, t('dashboard.showTable')),
      dataTable(t('dashboard.waitingTitle'), [t('dashboard.group'), ...series.map((x) => x.name)],
        rows.map((r) => [r.label, ...r.values]))));
}

function transfersSection(trend, transfers) {
  const id = 'dash-transfers';
  const source = t('dashboard.source.transferTable');
  if (trend.error) return section(id, t('dashboard.transfersTitle'), source, failed({ reason: trend.error }));
  const points = trend.points.map((p) => ({ label: formatMonth(p.month), value: p.value }));
  const totals = transfers.status === 'fulfilled' ? transfers.value : null;
  return section(id, t('dashboard.transfersTitle'), `${source} · ${t('dashboard.regionWide')}`,
    columns({ title: t('dashboard.transfersTitle'), description: t('dashboard.transfersDesc'), points }),
    totals ? h('p', { class: 'small' }, t('dashboard.funnel', {
      proposals: formatNumber(Object.values(totals.proposalsByOrigin || {}).reduce((a, b) => a + b, 0)),
      offers: formatNumber(totals.offers), completed: formatNumber(totals.completedTransfers),
    })) : null,
    h('details', {}, h('summary', {}, t('dashboard.showTable')),
      dataTable(t('dashboard.transfersTitle'), [t('dashboard.month'), t('dashboard.completed')],
        points.map((p) => [p.label, p.value]))));
}

function declinesSection(transfers) {
  const id = 'dash-declines';
  const source = `${t('dashboard.source.transferTable')} · ${t('dashboard.regionWide')} · ${t('dashboard.sinceStart')}`;
  if (transfers.status !== 'fulfilled') return section(id, t('dashboard.declinesTitle'), source, failed(transfers));
  const entries = Object.entries(transfers.value.declinesByReason || {}).sort((a, b) => b[1] - a[1]);
  if (!entries.length) return section(id, t('dashboard.declinesTitle'), source, h('p', { class: 'empty' }, t('dashboard.noDeclines')));
  const rows = entries.map(([reason, n]) => ({ label: label('decline', reason), values: [n] }));
  return section(id, t('dashboard.declinesTitle'), source,
    stackedBars({ title: t('dashboard.declinesTitle'), description: t('dashboard.declinesDesc'), rows,
      series: [{ name: t('dashboard.declines'), className: 'series-b' }], labelWidth: 220 }),
    h('details', {}, h('summary', {}, t('dashboard.showTable')),
      dataTable(t('dashboard.declinesTitle'), [t('dashboard.reason'), t('dashboard.declines')], rows.map((r) => [r.label, r.values[0]]))));
}

function blockedSection(transfers) {
  const id = 'dash-blocked';
  const source = `${t('dashboard.source.transferTable')} · ${t('dashboard.regionWide')} · ${t('dashboard.sinceStart')}`;
  if (transfers.status !== 'fulfilled') return section(id, t('dashboard.blockedTitle'), source, failed(transfers));
  const perInsurer = transfers.value.blockedPerInsurer || {};
  const insurers = Object.keys(perInsurer).sort();
  if (!insurers.length) return section(id, t('dashboard.blockedTitle'), source, h('p', { class: 'empty' }, t('dashboard.noBlocked')));
  const rows = insurers.map((uzovi) => {
    const notContracted = perInsurer[uzovi].NOT_CONTRACTED || 0;
    const ceiling = perInsurer[uzovi].CEILING_REACHED || 0;
    return [t('dashboard.insurer', { uzovi }), notContracted, ceiling, notContracted + ceiling];
  });
  return section(id, t('dashboard.blockedTitle'), source,
    dataTable(t('dashboard.blockedTitle'), [t('dashboard.insurerCol'), label('block', 'NOT_CONTRACTED'),
      label('block', 'CEILING_REACHED'), t('dashboard.total')], rows));
}

function restrictionsFor(capacity, group) {
  return (capacity.restrictionsInForce || []).filter((r) => !group || r.diagnosisGroup === group || r.diagnosisGroup === 'ALL');
}

function restrictionsSection(capacity, group) {
  const id = 'dash-restrictions';
  const source = t('dashboard.source.capacity');
  if (capacity.status !== 'fulfilled') return section(id, t('dashboard.restrictionsTitle'), source, failed(capacity));
  const rows = restrictionsFor(capacity.value, group);
  const open = capacity.value.capacity;
  const openPlaces = open ? (group ? (open.byDiagnosisGroup || []).find((g) => g.diagnosisGroup === group)?.openPlaces ?? 0
    : open.openPlaces) : null;
  return section(id, t('dashboard.restrictionsTitle'), source,
    rows.length ? dataTable(t('dashboard.restrictionsTitle'), [t('dashboard.group'), t('dashboard.stops'), t('dashboard.pauses')],
      rows.map((r) => [r.diagnosisGroup === 'ALL' ? t('dashboard.allGroups') : label('diagnosisGroup', r.diagnosisGroup), r.stops, r.pauses]))
      : h('p', { class: 'empty' }, t('dashboard.noRestrictions')),
    openPlaces === null ? null : h('p', { class: 'small' }, t('dashboard.openPlaces', { n: formatNumber(openPlaces) })));
}

function intakesSection(intake, group) {
  const id = 'dash-intakes';
  const source = t('dashboard.source.intake');
  if (intake.status !== 'fulfilled') return section(id, t('dashboard.intakesTitle'), source, failed(intake));
  const perMonth = new Map();
  for (const m of intake.value.months || []) {
    if (group && m.diagnosisGroup !== group) continue;
    const entry = perMonth.get(m.month) || { intakes: 0, starts: 0 };
    entry.intakes += m.intakes;
    entry.starts += m.treatmentStarts;
    perMonth.set(m.month, entry);
  }
  const months = [...perMonth.keys()].sort().slice(-TREND_MONTHS);
  if (!months.length) return section(id, t('dashboard.intakesTitle'), source, h('p', { class: 'empty' }, t('dashboard.noIntakes')));
  return section(id, t('dashboard.intakesTitle'), source,
    dataTable(t('dashboard.intakesTitle'), [t('dashboard.month'), t('dashboard.intakes'), t('dashboard.treatmentStarts')],
      months.map((m) => [formatMonth(m, 'long'), perMonth.get(m).intakes, perMonth.get(m).starts])));
}

/**
 * The region's last "still waiting?" validation round (issue 15 item 1, from intake's figures):
 * asked / answered / withdrawn / changed / no answer, and the waiting list before and after.
 */
function validationSection(intake) {
  const id = 'dash-validation';
  const source = t('dashboard.source.intake');
  if (intake.status !== 'fulfilled') return section(id, t('dashboard.validationTitle'), source, failed(intake));
  const round = lastValidationRound(intake.value);
  if (!round) return section(id, t('dashboard.validationTitle'), source, h('p', { class: 'empty' }, t('dashboard.validationNone')));
  const scope = [round.scope.providerAgb, round.scope.diagnosisGroup ? label('diagnosisGroup', round.scope.diagnosisGroup) : null]
    .filter(Boolean).join(' · ') || t('dashboard.validationRegion');
  const counts = [
    ['asked', t('dashboard.validationAsked'), round.asked],
    ['answered', t('dashboard.validationAnswered'), round.answered],
    ['withdrawn', t('dashboard.validationWithdrawn'), round.withdrawn],
    ['changed', t('dashboard.validationChanged'), round.changed],
    ['no-answer', t('dashboard.validationNoAnswer'), round.noAnswer],
  ];
  return section(id, t('dashboard.validationTitle'), source,
    h('p', { class: 'small' }, t('dashboard.validationScope', {
      started: round.startedAt ? formatDate(round.startedAt) : '–', deadline: round.deadline ? formatDate(round.deadline) : '–',
      scope, status: label('validationStatus', round.status) })),
    h('ul', { class: 'tiles validation-counts' }, counts.map(([key, name, value]) =>
      h('li', { class: `tile validation-${key}` }, h('span', { class: 'tile-name' }, name),
        h('span', { class: 'tile-value' }, formatNumber(value))))),
    h('p', { class: 'validation-list' }, t('dashboard.validationList', {
      before: formatNumber(round.waitingBefore), after: formatNumber(round.waitingAfter) })));
}

function duration(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  if (seconds < 90) return t('dashboard.seconds', { n: formatNumber(Math.round(seconds)) });
  if (seconds < 5400) return t('dashboard.minutes', { n: formatNumber(Math.round(seconds / 60)) });
  if (seconds < 172800) return t('dashboard.hours', { n: formatNumber(Math.round(seconds / 360) / 10) });
  return t('dashboard.days', { n: formatNumber(Math.round(seconds / 8640) / 10) });
}
