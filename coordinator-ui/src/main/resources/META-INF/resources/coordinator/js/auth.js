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
  const accessClaims = decodeJwt(body.access_token);
  const session = {
    accessToken: body.access_token,
    idToken: body.id_token || null,
    expiresAt: Date.now() + (body.expires_in || 300) * 1000,
    user: {
      id: accessClaims.sub,
      name: idClaims.name || accessClaims.name || accessClaims.preferred_username || accessClaims.sub,
      organisation: accessClaims.org || null,
      region: accessClaims.region || null,
      roles: accessClaims.roles || [],
    },
  };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  return pending.returnHash || '#/queue';
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
