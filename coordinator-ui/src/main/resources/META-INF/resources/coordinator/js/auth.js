// Sign-in with OpenID Connect: authorization code flow with PKCE (RFC 7636, S256), as a public client.
// Works with the local token issuer of the embedded default and with any OIDC provider (Keycloak, ...)
// configured in /coordinator/config.json. Tokens live in sessionStorage of this tab only (gone when the
// tab closes, never in a cookie, never sent anywhere but in the Authorization header of API calls).

const SESSION_KEY = 'transfertafel.session';
const PENDING_KEY = 'transfertafel.login';

let discovery = null;
let settings = null;

export class LoginError extends Error {
  constructor(code, description) {
    super(description || code);
    this.code = code;
  }
}

export async function initAuth(config) {
  settings = config;
  const response = await fetch(`${config.issuer}/.well-known/openid-configuration`, { cache: 'no-cache' });
  if (!response.ok) throw new LoginError('discovery', `${config.issuer}: HTTP ${response.status}`);
  discovery = await response.json();
}

/** Sends the browser to the provider's sign-in page; it comes back to this page with a code. */
export async function login(uiLocale, returnHash) {
  const verifier = randomString(32);
  const pending = { verifier, state: randomString(16), nonce: randomString(16), returnHash: returnHash || '' };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: redirectUri(),
    scope: settings.scope || 'openid',
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await s256(verifier),
    code_challenge_method: 'S256',
    ui_locales: uiLocale,
  });
  window.location.assign(`${discovery.authorization_endpoint}?${params}`);
}

/**
 * When the provider sent the browser back (?code=...&state=... or ?error=...), redeems the code and
 * keeps the tokens. Returns the hash to go to, or null when this load is not a return from sign-in.
 */
export async function completeLogin() {
  const query = new URLSearchParams(window.location.search);
  if (!query.has('code') && !query.has('error')) return null;
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) || 'null');
  sessionStorage.removeItem(PENDING_KEY);
  // the code must not stay in the address bar or the history
  window.history.replaceState(null, '', window.location.pathname);
  if (query.has('error')) throw new LoginError(query.get('error'), query.get('error_description'));
  if (!pending || pending.state !== query.get('state')) {
    throw new LoginError('state', 'The sign-in answer does not belong to this tab (state mismatch).');
  }
  const response = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: query.get('code'),
      redirect_uri: redirectUri(),
      client_id: settings.clientId,
      code_verifier: pending.verifier,
    }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new LoginError(body.error || 'token', body.error_description || `HTTP ${response.status}`);
  // The id token came straight from the token endpoint over the provider's own connection, which
  // OIDC Core 3.1.3.7 accepts instead of checking its signature here; its nonce must still match.
  const idClaims = body.id_token ? decodeJwt(body.id_token) : {};
  if (body.id_token && idClaims.nonce !== pending.nonce) {
    throw new LoginError('nonce', 'The id token does not answer this sign-in (nonce mismatch).');
  }
  storeSession(body, idClaims, null);
  return pending.returnHash || '#/queue';
}

/** Keeps what the token endpoint answered (a sign-in or a refresh) as this tab's session. */
function storeSession(body, idClaims, previous) {
  const accessClaims = decodeJwt(body.access_token);
  const now = Date.now();
  const session = {
    accessToken: body.access_token,
    idToken: body.id_token || previous?.idToken || null,
    issuedAt: now,
    expiresAt: now + (body.expires_in || 300) * 1000,
    // Keycloak rotates the refresh token on every use (or keeps it); the local issuer has none
    refreshToken: body.refresh_token || previous?.refreshToken || null,
    refreshExpiresAt: body.refresh_expires_in ? now + body.refresh_expires_in * 1000 : previous?.refreshExpiresAt || null,
    user: {
      id: accessClaims.sub,
      name: idClaims.name || accessClaims.name || accessClaims.preferred_username || previous?.user?.name || accessClaims.sub,
      organisation: accessClaims.org || null,
      region: accessClaims.region || null,
      roles: accessClaims.roles || [],
    },
  };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  return session;
}

/**
 * How long until the access token should be renewed: a minute before it expires, or at four fifths of its
 * life when it lives less than five minutes; null when it cannot be renewed (no refresh token, or the
 * provider's session ends first). Keycloak's access tokens live five minutes by default, so a coordinator
 * in the middle of a screening would otherwise be signed out.
 */
export function refreshDelay(session, now) {
  if (!session?.refreshToken) return null;
  if (session.refreshExpiresAt && session.refreshExpiresAt <= now) return null;
  const lifetime = session.expiresAt - (session.issuedAt || now);
  const margin = Math.min(60000, Math.max(5000, lifetime / 5));
  return Math.max(0, session.expiresAt - margin - now);
}

/**
 * Renews the access token with the refresh_token grant (OAuth 2.0, RFC 6749 section 6) at the provider's
 * token endpoint, as the same public client. Returns the new session, or null when the provider ended the
 * session (signed out elsewhere, idle too long): the page then asks to sign in again.
 */
export async function refreshSession() {
  const session = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
  if (!session?.refreshToken) return null;
  let response;
  try {
    response = await fetch(discovery.token_endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: session.refreshToken, client_id: settings.clientId }),
    });
  } catch (networkError) {
    // the provider is unreachable for a moment: keep the session while its token lasts, try again later
    return session.expiresAt > Date.now() ? session : null;
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.access_token) {
    sessionStorage.removeItem(SESSION_KEY);
    return null;
  }
  return storeSession(body, body.id_token ? decodeJwt(body.id_token) : {}, session);
}

/**
 * Renews the token before it expires for as long as the page is open and the provider's session lasts;
 * `onEnded` is called when it cannot be renewed. Background tabs may delay timers, so a tab that becomes
 * visible again checks at once. Returns a function that stops it.
 */
export function keepSessionFresh(onEnded) {
  let timer = null;
  let stopped = false;
  const schedule = () => {
    clearTimeout(timer);
    if (stopped) return;
    const session = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
    const delay = refreshDelay(session, Date.now());
    if (delay === null) return;
    timer = setTimeout(renew, delay);
  };
  const renew = async () => {
    if (stopped) return;
    const session = await refreshSession();
    if (stopped) return;
    if (session) schedule();
    else onEnded();
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') schedule();
  };
  document.addEventListener('visibilitychange', onVisible);
  schedule();
  return () => {
    stopped = true;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisible);
  };
}

/** The signed-in session of this tab, or null (never signed in, signed out, or expired). */
export function currentSession() {
  const session = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
  if (!session || session.expiresAt <= Date.now() + 5000) return null;
  return session;
}

/**
 * Forgets this tab's tokens. Where the provider has a logout endpoint (Keycloak) the browser goes
 * there too and returns true; the local issuer keeps no session of its own, so there is nothing more.
 */
export function logout() {
  const session = currentSession();
  sessionStorage.removeItem(SESSION_KEY);
  const endSession = discovery?.end_session_endpoint;
  if (!endSession) return false;
  const params = new URLSearchParams({ client_id: settings.clientId, post_logout_redirect_uri: redirectUri() });
  if (session?.idToken) params.set('id_token_hint', session.idToken);
  window.location.assign(`${endSession}?${params}`);
  return true;
}

function redirectUri() {
  return window.location.origin + window.location.pathname;
}

function decodeJwt(token) {
  const payload = token.split('.')[1];
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
  return JSON.parse(decodeURIComponent(Array.from(json, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('')));
}

function randomString(bytes) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function s256(verifier) {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
