// The coordinator page's token refresh (js/auth.js), run by Node's own test runner against a fake token
// endpoint: when it renews, what it sends, what it keeps, and what happens when the provider's session ended.
// Started by CoordinatorPageTest.the_token_refresh_works_as_specified (skipped there when Node is missing).
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';

const storage = new Map();
globalThis.sessionStorage = {
  getItem: (key) => (storage.has(key) ? storage.get(key) : null),
  setItem: (key, value) => storage.set(key, String(value)),
  removeItem: (key) => storage.delete(key),
};
const listeners = new Map();
globalThis.document = {
  visibilityState: 'visible',
  addEventListener: (type, fn) => listeners.set(type, fn),
  removeEventListener: (type) => listeners.delete(type),
};
globalThis.window = { location: { origin: 'http://127.0.0.1:8083', pathname: '/coordinator/', search: '' } };

const requests = [];
let answer = null;
globalThis.fetch = async (url, init = {}) => {
  if (url.endsWith('/.well-known/openid-configuration')) {
    return response(200, { token_endpoint: 'http://idp.test/token', authorization_endpoint: 'http://idp.test/auth' });
  }
  requests.push({ url, body: new URLSearchParams(init.body) });
  return answer();
};

const auth = await import('../../main/resources/META-INF/resources/coordinator/js/auth.js');
await auth.initAuth({ issuer: 'http://idp.test', clientId: 'coordinator-ui' });

function response(status, body) {
  return { ok: status >= 200 && status < 300, status, json: async () => body };
}
function jwt(claims) {
  const part = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none' })}.${part(claims)}.sig`;
}
function signedIn(overrides = {}) {
  const now = Date.now();
  const session = {
    accessToken: jwt({ sub: 'u1', roles: ['COORDINATOR'] }), idToken: 'id-1', issuedAt: now - 240000, expiresAt: now + 60000,
    refreshToken: 'refresh-1', refreshExpiresAt: now + 1800000,
    user: { id: 'u1', name: 'Coördinator A', organisation: '22000001', region: 'rotterdam', roles: ['COORDINATOR'] },
    ...overrides,
  };
  sessionStorage.setItem('transfertafel.session', JSON.stringify(session));
  return session;
}
const stored = () => JSON.parse(sessionStorage.getItem('transfertafel.session'));

beforeEach(() => {
  storage.clear();
  requests.length = 0;
  answer = () => response(200, {
    access_token: jwt({ sub: 'u1', roles: ['COORDINATOR'], org: '22000001', region: 'rotterdam' }),
    expires_in: 300, refresh_token: 'refresh-2', refresh_expires_in: 1800,
  });
});

test('a five-minute token is renewed one minute before it expires', () => {
  const now = 1_000_000;
  assert.equal(auth.refreshDelay({ refreshToken: 'r', issuedAt: now, expiresAt: now + 300000 }, now), 240000);
});

test('a short-lived token is renewed at four fifths of its life, never later than five seconds before', () => {
  const now = 1_000_000;
  assert.equal(auth.refreshDelay({ refreshToken: 'r', issuedAt: now, expiresAt: now + 100000 }, now), 80000);
  assert.equal(auth.refreshDelay({ refreshToken: 'r', issuedAt: now, expiresAt: now + 20000 }, now), 15000);
});

test('without a refresh token, or after the provider session ended, nothing is renewed', () => {
  const now = 1_000_000;
  assert.equal(auth.refreshDelay({ issuedAt: now, expiresAt: now + 300000 }, now), null);
  assert.equal(auth.refreshDelay({ refreshToken: 'r', refreshExpiresAt: now - 1, expiresAt: now + 300000 }, now), null);
});

test('the refresh sends the refresh_token grant as the public client and keeps the rotated tokens', async () => {
  signedIn();

  const session = await auth.refreshSession();

  assert.equal(requests.length, 1);
  assert.equal(requests[0].url, 'http://idp.test/token');
  assert.equal(requests[0].body.get('grant_type'), 'refresh_token');
  assert.equal(requests[0].body.get('refresh_token'), 'refresh-1');
  assert.equal(requests[0].body.get('client_id'), 'coordinator-ui');
  assert.equal(requests[0].body.has('client_secret'), false);
  assert.equal(session.refreshToken, 'refresh-2');
  assert.equal(stored().refreshToken, 'refresh-2');
  assert.equal(stored().idToken, 'id-1', 'the id token (for sign-out) is kept when the refresh brings none');
  assert.ok(stored().expiresAt > Date.now() + 290000);
  assert.equal(stored().user.organisation, '22000001');
  assert.equal(stored().user.name, 'Coördinator A');
});

test('when the provider refuses the refresh the session ends and the page must sign in again', async () => {
  signedIn();
  answer = () => response(400, { error: 'invalid_grant', error_description: 'Session not active' });

  assert.equal(await auth.refreshSession(), null);
  assert.equal(stored(), null);
  assert.equal(auth.currentSession(), null);
});

test('keepSessionFresh renews a token that is about to expire and reports a session that ended', async () => {
  signedIn({ issuedAt: Date.now() - 299000, expiresAt: Date.now() + 1000 });
  let ended = false;
  let renewed;
  const done = new Promise((resolve) => { renewed = resolve; });
  answer = () => {
    renewed();
    return response(400, { error: 'invalid_grant' });
  };

  const stop = auth.keepSessionFresh(() => { ended = true; });
  await done;
  await new Promise((resolve) => setTimeout(resolve, 20));
  stop();

  assert.equal(requests.length, 1);
  assert.equal(requests[0].body.get('grant_type'), 'refresh_token');
  assert.equal(ended, true);
  assert.equal(listeners.has('visibilitychange'), false, 'stopping removes the visibility listener');
});
