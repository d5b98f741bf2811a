// The coordinator page: boot (texts, configuration, sign-in), the shell (header, navigation, live
// state) and a small hash router over the views. Views live in ./views/ and export
// `render(main, ctx, params)`, returning an optional cleanup function.

import { initI18n, t, setLanguage, lang, onLanguageChange, label } from './i18n.js';
import { initAuth, completeLogin, currentSession, keepSessionFresh, login, logout } from './auth.js';
import { client, onUnauthorized } from './api.js';
import { h, replace, announce } from './dom.js';
import { Live } from './live.js';
import * as queueView from './views/queue.js';
import * as proposalView from './views/proposal.js';
import * as offersView from './views/offers.js';
import * as waitingListView from './views/waiting-list.js';
import * as escalationsView from './views/escalations.js';
import * as closuresView from './views/closures.js';
import * as dashboardView from './views/dashboard.js';

const ROUTES = {
  queue: queueView,
  proposals: proposalView,
  offers: offersView,
  'waiting-list': waitingListView,
  escalations: escalationsView,
  closures: closuresView,
  dashboard: dashboardView,
};

const main = document.getElementById('main');
let ctx = null;
let cleanup = null;
let firstRender = true;
let stopRefreshing = null;

async function boot() {
  wireLanguageSwitch();
  wireSkipLink();
  await initI18n();
  markLanguage();
  let config;
  try {
    config = await (await fetch('config.json', { cache: 'no-cache' })).json();
    await initAuth(config);
  } catch (error) {
    showProblem(t('login.unreachable'), error.message);
    return;
  }
  let target;
  try {
    target = await completeLogin();
  } catch (error) {
    showLogin(t('login.failed', { reason: error.message }));
    return;
  }
  const session = currentSession();
  if (!session) {
    showLogin();
    return;
  }
  start(config, session, target);
}

function start(config, session, target) {
  const token = () => currentSession()?.accessToken || '';
  ctx = {
    user: session.user,
    transferTable: client(config.services.transferTable || '', token),
    intake: client(config.services.intake, token),
    capacity: client(config.services.capacity, token),
    notification: client(config.services.notification, token),
    live: null,
    navigate: (hash) => { window.location.hash = hash; },
  };
  ctx.live = new Live(ctx.transferTable, showLiveState);
  onUnauthorized(() => {
    if (!ctx) return;
    stop();
    showLogin(t('login.expired'));
  });
  // renew the access token before it expires (Keycloak's live five minutes), so screening is not interrupted
  stopRefreshing = keepSessionFresh(() => {
    if (!ctx) return;
    stop();
    showLogin(t('login.expired'));
  });
  showShell(session.user);
  ctx.live.start();
  window.addEventListener('pagehide', () => ctx?.live?.suspend());
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) ctx?.live?.resume();
  });
  window.addEventListener('hashchange', route);
  onLanguageChange(() => {
    markLanguage();
    if (ctx) route();
  });
  if (target && target !== window.location.hash) {
    window.location.hash = target;
  } else {
    route();
  }
}

function stop() {
  if (stopRefreshing) stopRefreshing();
  stopRefreshing = null;
  if (cleanup) cleanup();
  cleanup = null;
  ctx?.live?.stop();
  ctx = null;
  window.removeEventListener('hashchange', route);
  document.getElementById('app-nav').hidden = true;
  document.getElementById('user-box').hidden = true;
  document.getElementById('logout').hidden = true;
  document.getElementById('live-state').hidden = true;
}

function route() {
  if (!ctx) return;
  const hash = window.location.hash;
  if (!hash.startsWith('#/')) {
    if (hash === '' || hash === '#') window.location.replace('#/queue');
    return;
  }
  const [name, ...params] = hash.slice(2).split('/').map(decodeURIComponent);
  const view = ROUTES[name] || queueView;
  if (cleanup) cleanup();
  cleanup = null;
  for (const link of document.querySelectorAll('#app-nav a')) {
    const active = link.dataset.route === name || (name === 'proposals' && link.dataset.route === 'queue');
    if (active) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  replace(main);
  const result = view.render(main, ctx, params);
  cleanup = typeof result === 'function' ? result : null;
  const heading = main.querySelector('h1');
  if (heading) {
    document.title = `${heading.textContent} – ${t('app.title')}`;
    if (!firstRender) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  }
  firstRender = false;
}

function showShell(user) {
  document.getElementById('user-name').textContent = user.name;
  document.getElementById('user-org').textContent = t('app.organisation', { org: user.organisation || '–' });
  document.getElementById('user-box').hidden = false;
  document.getElementById('brand-region').textContent = user.region ? t('app.region', { region: regionName(user.region) }) : '';
  document.getElementById('app-nav').hidden = false;
  const button = document.getElementById('logout');
  button.hidden = false;
  button.onclick = () => {
    stop();
    if (!logout()) showLogin(t('login.loggedOut'));
  };
}

function showLogin(message) {
  document.getElementById('brand-region').textContent = '';
  replace(main,
    h('section', { class: 'card login', 'aria-labelledby': 'login-title' },
      h('h1', { id: 'login-title' }, t('login.title')),
      message ? h('p', { class: 'notice', role: 'alert' }, message) : null,
      h('p', {}, t('login.intro')),
      h('button', {
        type: 'button', class: 'primary', id: 'login-button',
        onclick: () => login(lang(), window.location.hash.startsWith('#/') ? window.location.hash : ''),
      }, t('login.button'))));
  document.title = `${t('login.title')} – ${t('app.title')}`;
}

function showProblem(title, detail) {
  replace(main, h('section', { class: 'card' }, h('h1', {}, title), h('p', { role: 'alert' }, detail)));
}

function showLiveState(state) {
  const element = document.getElementById('live-state');
  element.hidden = false;
  element.className = `live-state live-${state}`;
  element.textContent = t(`live.${state}`);
}

function wireLanguageSwitch() {
  for (const button of document.querySelectorAll('#lang-switch button')) {
    button.addEventListener('click', () => {
      setLanguage(button.dataset.lang);
      announce(t('app.languageChanged'));
      if (!ctx) {
        // not signed in: the sign-in screen follows the language too
        const alert = main.querySelector('[role=alert]');
        if (main.querySelector('#login-button')) showLogin(alert ? alert.textContent : undefined);
      }
    });
  }
}

function markLanguage() {
  for (const button of document.querySelectorAll('#lang-switch button')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang()));
  }
  if (ctx) {
    document.getElementById('user-org').textContent = t('app.organisation', { org: ctx.user.organisation || '–' });
    document.getElementById('brand-region').textContent = ctx.user.region
      ? t('app.region', { region: regionName(ctx.user.region) }) : '';
    if (ctx.live) showLiveState(ctx.live.state);
  }
}

function wireSkipLink() {
  document.getElementById('skip-link').addEventListener('click', (event) => {
    // the hash is the router's; move focus without touching it
    event.preventDefault();
    main.focus();
  });
}

function regionName(code) {
  return label('region', code);
}

boot();
