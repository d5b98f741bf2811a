// Dutch and English. The dictionaries are flat JSON files (i18n/nl.json, i18n/en.json) with the same
// keys (a unit test of the module checks that); `t` fills {placeholders}. The chosen language is kept
// in localStorage (not personal data) and set as the document's lang attribute, so screen readers
// pronounce the page right.

const SUPPORTED = ['nl', 'en'];
const dictionaries = {};
const listeners = new Set();
let current = 'nl';

export async function initI18n() {
  const results = await Promise.all(SUPPORTED.map(async (code) => {
    const response = await fetch(`i18n/${code}.json`, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`i18n/${code}.json: HTTP ${response.status}`);
    return [code, await response.json()];
  }));
  for (const [code, dictionary] of results) dictionaries[code] = dictionary;
  const stored = safeStorage()?.getItem('transfertafel.lang');
  const browser = (navigator.language || 'nl').slice(0, 2);
  apply(SUPPORTED.includes(stored) ? stored : (SUPPORTED.includes(browser) ? browser : 'nl'));
}

export function lang() {
  return current;
}

export function languages() {
  return SUPPORTED;
}

export function setLanguage(code) {
  if (!SUPPORTED.includes(code) || code === current) return;
  safeStorage()?.setItem('transfertafel.lang', code);
  apply(code);
  for (const listener of listeners) listener(code);
}

export function onLanguageChange(listener) {
  listeners.add(listener);
}

/** The text for `key` in the current language, with {name} placeholders filled from `vars`. */
export function t(key, vars) {
  let text = dictionaries[current]?.[key];
  if (text === undefined) text = dictionaries.en?.[key];
  if (text === undefined) {
    console.warn('missing text', key);
    return key;
  }
  if (vars) {
    text = text.replace(/\{(\w+)\}/g, (whole, name) => (vars[name] === undefined ? whole : String(vars[name])));
  }
  return text;
}

/** Whether a text exists (used for optional labels, e.g. an enum value the page does not know yet). */
export function has(key) {
  return dictionaries[current]?.[key] !== undefined;
}

/** The label of a coded value, e.g. label('diagnosisGroup', 'DEPRESSION'); unknown codes are shown readable. */
export function label(kind, code) {
  if (code === null || code === undefined || code === '') return '–';
  const key = `${kind}.${code}`;
  if (has(key)) return t(key);
  return String(code).replace(/_/g, ' ').toLowerCase().replace(/^\w/, (c) => c.toUpperCase());
}

export function formatNumber(value, options) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return new Intl.NumberFormat(locale(), options).format(value);
}

export function formatDate(value) {
  if (!value) return '–';
  const date = new Date(value.length === 10 ? `${value}T00:00:00` : value);
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', year: 'numeric' }).format(date);
}

export function formatDateTime(value) {
  if (!value) return '–';
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })
    .format(new Date(value));
}

/** "March 2026" for a "2026-03" month key. */
export function formatMonth(monthKey, style = 'short') {
  const [year, month] = monthKey.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { month: style, year: '2-digit' }).format(new Date(year, month - 1, 1));
}

function locale() {
  return current === 'nl' ? 'nl-NL' : 'en-GB';
}

function apply(code) {
  current = code;
  document.documentElement.lang = code;
  for (const element of document.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of document.querySelectorAll('[data-i18n-label]')) {
    element.setAttribute('aria-label', t(element.dataset.i18nLabel));
  }
  document.title = t('app.title');
}

function safeStorage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
