// One Server-Sent-Events connection per signed-in tab to the transfer table's stream of changes
// (proposals arriving, being screened, becoming offers...). Views subscribe while they are shown;
// the header shows whether the page is live.

import { ENDPOINTS } from './endpoints.js';

export class Live {
  constructor(transferTable, onState) {
    this.transferTable = transferTable;
    this.onState = onState;
    this.listeners = new Set();
    this.state = 'connecting';
    this.connection = null;
  }

  start() {
    this.setState('connecting');
    this.connection = this.transferTable.stream(ENDPOINTS.stream, (event) => {
      for (const listener of this.listeners) listener(event);
    }, (state) => this.setState(state));
  }

  /** Signed out: the connection closes and nobody listens any more. */
  stop() {
    this.onState = () => {};
    this.suspend();
    this.listeners.clear();
  }

  /**
   * The tab is left (or frozen in the back/forward cache): close the connection, keep the listeners.
   * An open stream would otherwise hold one of the browser's few connections to the service.
   */
  suspend() {
    this.connection?.stop();
    this.connection = null;
  }

  /** Back in the tab: follow the stream again (changes missed meanwhile are reloaded by the views). */
  resume() {
    if (!this.connection) this.start();
    for (const listener of this.listeners) listener({ event: 'resumed', data: null });
  }

  /** Calls `listener(event)` for every event until the returned function is called. */
  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setState(state) {
    this.state = state;
    this.onState(state);
  }
}
