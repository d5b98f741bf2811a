// The page's model of a proposal's four-eyes state (js/model.js), run by Node's own test runner: a first
// coordinator's rejection is pending until a second confirms it (issue 11 item 3), and the page must know it
// to show it and to offer "confirm rejection" / "approve instead". Started by CoordinatorPageTest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toProposal, toQueueItem } from '../../main/resources/META-INF/resources/coordinator/js/model.js';

const pending = {
  proposalId: 'p-1', state: 'PROPOSED', origin: 'ENGINE', client: {}, proposed: { providerAgb: '22000002' },
  fourEyes: {
    approvals: [], approvalsNeeded: 2, stillNeeded: 'A rejection by coordinator-a is pending ...',
    pendingRejection: { userId: 'coordinator-a', organisation: '22000001', at: '2026-12-05T10:00:00Z', reason: 'OTHER' },
  },
};

test('a pending rejection is part of the proposal and of the queue row', () => {
  const p = toProposal(pending);
  assert.deepEqual(p.pendingRejection, { userId: 'coordinator-a', organisation: '22000001', at: '2026-12-05T10:00:00Z',
    reason: 'OTHER' });
  assert.equal(p.screenable, true);
  assert.equal(toQueueItem(pending).pendingRejection.userId, 'coordinator-a');
});

test('without a pending rejection there is none', () => {
  const p = toProposal({ ...pending, fourEyes: { approvals: [], approvalsNeeded: 2 } });
  assert.equal(p.pendingRejection, null);
});
