// Calls to the services' /api with the user's bearer token. Errors arrive as RFC 9457 problem+json
// (type, title, status, detail, rule, errors[]); they are thrown as ApiError so that a view can show
// the service's own words (the four-eyes rule's reason, for example) exactly as the API gave them.

import { lang } from './i18n.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem.title || null;
    this.detail = problem.detail || null;
    this.rule = problem.rule || null;
    this.errors = problem.errors || [];
  }
}

let unauthorizedHandler = () => {};

/** What to do when a service answers 401 (the session expired or was revoked): sign in again. */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

/** A client for one service; `base` is its origin ('' = the page's own origin, the transfer table). */
export function client(base, tokenSupplier) {
  async function request(method, path, body) {
    const headers = {
      Accept: 'application/json, application/problem+json',
      'Accept-Language': lang(),
      Authorization: `Bearer ${tokenSupplier()}`,
    };
    const init = { method, headers, cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      // a double click or a retry after a lost answer must not decide twice
      headers['Idempotency-Key'] = crypto.randomUUID();
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(base + path, init);
    } catch (networkError) {
      throw new ApiError(0, { title: 'unreachable', detail: `${base || window.location.origin}: ${networkError.message}` });
    }
    if (response.status === 401) unauthorizedHandler();
    const text = await response.text();
    const parsed = text ? safeJson(text) : null;
    if (!response.ok) throw new ApiError(response.status, parsed && typeof parsed === 'object' ? parsed : { detail: text });
    return parsed;
  }

  return {
    base,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body ?? {}),
    /**
     * Follows a Server-Sent-Events stream. EventSource cannot send an Authorization header, so this
     * reads the stream with fetch; it reconnects with back-off (sending Last-Event-ID) until `stop()`.
     * `onStatus` hears 'open' | 'retrying' | 'closed'.
     */
    stream(path, onEvent, onStatus = () => {}) {
      const controller = new AbortController();
      let lastEventId = null;
      let attempt = 0;
      let stopped = false;

      async function connect() {
        while (!stopped) {
          try {
            const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${tokenSupplier()}` };
            if (lastEventId) headers['Last-Event-ID'] = lastEventId;
            const response = await fetch(base + path, { headers, signal: controller.signal, cache: 'no-store' });
            if (response.status === 401) {
              unauthorizedHandler();
              return;
            }
            if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
            attempt = 0;
            onStatus('open');
            await readEvents(response.body, (event) => {
              if (event.id) lastEventId = event.id;
              onEvent(event);
            });
          } catch (error) {
            if (stopped || error.name === 'AbortError') break;
          }
          if (stopped) break;
          onStatus('retrying');
          attempt += 1;
          await new Promise((resolve) => setTimeout(resolve, Math.min(15000, 500 * 2 ** Math.min(attempt, 5))));
        }
        onStatus('closed');
      }
      connect();
      return { stop() { stopped = true; controller.abort(); } };
    },
  };
}

/** Parses text/event-stream (WHATWG HTML, server-sent events) into {event, data, id} objects. */
async function readEvents(body, dispatch) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = { event: 'message', data: [], id: null };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let newline;
    while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (event.data.length) {
          const data = event.data.join('\n');
          dispatch({ event: event.event, id: event.id, data: safeJson(data) ?? data });
        }
        event = { event: 'message', data: [], id: null };
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const fieldValue = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event.event = fieldValue;
      else if (field === 'data') event.data.push(fieldValue);
      else if (field === 'id') event.id = fieldValue;
    }
  }
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
