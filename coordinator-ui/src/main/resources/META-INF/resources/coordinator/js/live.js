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

  stop() {
    this.onState = () => {};
    this.connection?.stop();
    this.connection = null;
    this.listeners.clear();
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
