// Small inline-SVG charts drawn by hand (no library, no build). Every chart is an <svg role="img">
// with a title and a description, and comes with the same numbers as a table for people who do not
// see it (the caller shows the table in a <details> element next to it).

import { h, s } from './dom.js';
import { formatNumber } from './i18n.js';

const BAR_HEIGHT = 22;
const BAR_GAP = 10;

/**
 * Horizontal stacked bars, one row per category: rows = [{label, values: [n, ...]}],
 * series = [{name, className}] (the parts of each bar, e.g. "within the norm" and "beyond the norm").
 */
export function stackedBars({ title, description, rows, series, labelWidth = 170, width = 560 }) {
  const max = Math.max(1, ...rows.map((row) => row.values.reduce((a, b) => a + b, 0)));
  const plot = width - labelWidth - 56;
  const topPadding = 2;
  const height = topPadding + rows.length * (BAR_HEIGHT + BAR_GAP) + 4;
  const titleId = `chart-${Math.random().toString(36).slice(2)}`;
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart', 'aria-labelledby': `${titleId}-t ${titleId}-d`,
    preserveAspectRatio: 'xMinYMin meet',
  }, s('title', { id: `${titleId}-t` }, title), s('desc', { id: `${titleId}-d` }, description));


  rows.forEach((row, index) => {
    const y = topPadding + index * (BAR_HEIGHT + BAR_GAP);
    svg.append(s('text', { x: labelWidth - 8, y: y + BAR_HEIGHT / 2 + 5, 'text-anchor': 'end', class: 'chart-label' },
      truncate(row.label, 24)));
    let x = labelWidth;
    row.values.forEach((value, part) => {
      const w = (value / max) * plot;
      if (w > 0) {
        svg.append(s('rect', { x, y, width: Math.max(w, 1), height: BAR_HEIGHT, class: series[part].className },
          s('title', {}, `${row.label}: ${series[part].name} ${formatNumber(value)}`)));
      }
      x += w;
    });
    const total = row.values.reduce((a, b) => a + b, 0);
    svg.append(s('text', { x: x + 6, y: y + BAR_HEIGHT / 2 + 5, class: 'chart-value' }, formatNumber(total)));
  });
  return withLegend(svg, series);
}

/**
 * Horizontal grouped bars: for each category one thin bar per series, on one scale, so that parts
 * that overlap (beyond the intake norm, beyond the total norm) are never stacked as if they added up.
 */
export function groupedBars({ title, description, rows, series, labelWidth = 170, width = 560 }) {
  const max = Math.max(1, ...rows.flatMap((row) => row.values));
  const plot = width - labelWidth - 56;
  const topPadding = 2;
  const thin = 9;
  const groupHeight = series.length * (thin + 2) + 10;
  const height = topPadding + rows.length * groupHeight + 4;
  const titleId = `chart-${Math.random().toString(36).slice(2)}`;
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart', 'aria-labelledby': `${titleId}-t ${titleId}-d`,
    preserveAspectRatio: 'xMinYMin meet',
  }, s('title', { id: `${titleId}-t` }, title), s('desc', { id: `${titleId}-d` }, description));
  rows.forEach((row, index) => {
    const y = topPadding + index * groupHeight;
    svg.append(s('text', { x: labelWidth - 8, y: y + groupHeight / 2, 'text-anchor': 'end', class: 'chart-label' },
      truncate(row.label, 24)));
    row.values.forEach((value, part) => {
      const barY = y + part * (thin + 2);
      const w = (value / max) * plot;
      svg.append(s('rect', { x: labelWidth, y: barY, width: Math.max(w, value > 0 ? 1 : 0), height: thin,
        class: series[part].className }, s('title', {}, `${row.label}: ${series[part].name} ${formatNumber(value)}`)));
      svg.append(s('text', { x: labelWidth + w + 4, y: barY + thin - 1, class: 'chart-value small' }, formatNumber(value)));
    });
  });
  return withLegend(svg, series);
}

/** The chart with its legend as HTML above it (wraps on narrow cards; one series needs no legend). */
function withLegend(svg, series) {
  if (series.length < 2) return svg;
  return h('div', { class: 'chart-box' },
    h('ul', { class: 'legend' }, series.map((part) => h('li', {},
      s('svg', { width: 14, height: 14, 'aria-hidden': 'true', focusable: 'false' },
        s('rect', { width: 14, height: 14, class: part.className })),
      ' ', part.name))),
    svg);
}

/** Vertical columns over time: points = [{label, value}], the last one highlighted as "this month". */
export function columns({ title, description, points, width = 560, height = 200, highlightLast = true }) {
  const max = niceMax(Math.max(0, ...points.map((p) => p.value)));
  const top = 18;
  const bottom = 26;
  const left = 36;
  const plotHeight = height - top - bottom;
  const step = (width - left - 8) / Math.max(points.length, 1);
  const titleId = `chart-${Math.random().toString(36).slice(2)}`;
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart', 'aria-labelledby': `${titleId}-t ${titleId}-d`,
    preserveAspectRatio: 'xMinYMin meet',
  }, s('title', { id: `${titleId}-t` }, title), s('desc', { id: `${titleId}-d` }, description));

  for (const fraction of [0, 0.5, 1]) {
    const y = top + plotHeight * (1 - fraction);
    svg.append(s('line', { x1: left, x2: width - 4, y1: y, y2: y, class: 'chart-grid' }));
    svg.append(s('text', { x: left - 6, y: y + 4, 'text-anchor': 'end', class: 'chart-axis' },
      formatNumber(Math.round(max * fraction))));
  }
  points.forEach((point, index) => {
    const barHeight = (point.value / max) * plotHeight;
    const x = left + index * step + step * 0.18;
    const last = highlightLast && index === points.length - 1;
    svg.append(s('rect', {
      x, y: top + plotHeight - barHeight, width: step * 0.64, height: Math.max(barHeight, point.value > 0 ? 1 : 0),
      class: last ? 'series-current' : 'series-past',
    }, s('title', {}, `${point.label}: ${formatNumber(point.value)}`)));
    svg.append(s('text', { x: x + step * 0.32, y: top + plotHeight - barHeight - 4, 'text-anchor': 'middle', class: 'chart-value' },
      formatNumber(point.value)));
    svg.append(s('text', { x: x + step * 0.32, y: height - 8, 'text-anchor': 'middle', class: 'chart-axis' }, point.label));
  });
  return svg;
}

/** The numbers of a chart as a table (caption, header row, one row per category). */
export function dataTable(caption, headers, rows) {
  return h('table', { class: 'data' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((text, i) => h('th', { scope: 'col', class: i ? 'num' : null }, text)))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell, i) => (i === 0
      ? h('th', { scope: 'row' }, cell)
      : h('td', { class: 'num' }, typeof cell === 'number' ? formatNumber(cell) : cell)))))));
}

/** A round upper bound for an axis with ticks at 0, half and full: 4, 10, 20, 50, 100, 200, ... */
function niceMax(value) {
  if (value <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((m) => m * magnitude >= value);
  return step * magnitude;
}

function truncate(text, length) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
