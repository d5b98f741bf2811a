// The page's model of a closure case and of the last validation round (js/model.js), run by Node's own
// test runner. Started by CoordinatorPageTest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toClosure, lastValidationRound } from '../../main/resources/META-INF/resources/coordinator/js/model.js';

const closure = {
  closureId: 'c-1', providerAgb: '22000001', locationId: null, diagnosisGroups: ['EATING'], endDate: '2027-03-31',
  handoverContact: 'Intake desk',
  report: { clients: 5, placed: 1, offered: 1, inScreening: 1, noMatchYet: 1, warmHandover: 1, left: 0,
    placedWithinNorm: 1, escalated: 0, longestRemainingWaitDays: 77 },
  members: [{ referralId: 'r-1', clientPseudonym: 'pseudonym_r1_0123456789', status: 'IN_SCREENING', proposalId: 'p-1',
    warmHandover: false, escalated: false }],
};

test('a closure case counts the clients to place apart from those in treatment', () => {
  const c = toClosure(closure);
  assert.equal(c.toPlace, 4);
  assert.equal(c.report.longestRemainingWaitDays, 77);
  assert.equal(c.members[0].proposalId, 'p-1');
  assert.deepEqual(c.diagnosisGroups, ['EATING']);
});

test('a closure case carries the out-of-region and re-matched-from-treatment marks (ADRs 1430, 1431)', () => {
  const c = toClosure({ ...closure,
    report: { ...closure.report, outOfRegion: 1, searchingOutOfRegion: 2, rematchedFromTreatment: 1 },
    members: [
      { referralId: 'r-2', clientPseudonym: 'pseudonym_r2_0123456789', status: 'OFFERED', proposalId: 'p-2',
        outOfRegion: true, outOfRegionSince: '2026-12-01' },
      { referralId: 'r-3', clientPseudonym: 'pseudonym_r3_0123456789', status: 'IN_SCREENING', proposalId: 'p-3',
        warmHandover: true, handoverContact: 'Desk', rematchedFromTreatment: true },
    ] });
  assert.equal(c.report.outOfRegion, 1);
  assert.equal(c.report.searchingOutOfRegion, 2);
  assert.equal(c.report.rematchedFromTreatment, 1);
  assert.equal(c.members[0].outOfRegion, true);
  assert.equal(c.members[0].outOfRegionSince, '2026-12-01');
  assert.equal(c.members[1].rematchedFromTreatment, true);
  assert.equal(c.members[1].handoverContact, 'Desk');
  // a report from before these fields reads as zero, a member without them as unmarked
  assert.equal(toClosure(closure).report.searchingOutOfRegion, 0);
  assert.equal(toClosure(closure).members[0].outOfRegion, false);
});

test('a location closure shows the clients it took in without a known location', () => {
  const c = toClosure({ ...closure, locationId: 'loc-1', report: { ...closure.report, locationUnknown: 1 },
    members: [{ referralId: 'r-4', clientPseudonym: 'pseudonym_r4_0123456789', status: 'NO_MATCH_YET',
      locationUnknown: true }] });
  assert.equal(c.locationId, 'loc-1');
  assert.equal(c.report.locationUnknown, 1);
  assert.equal(c.members[0].locationUnknown, true);
  assert.equal(toClosure(closure).report.locationUnknown, 0);
});

test('a case without a report or members reads as empty, not broken', () => {
  const c = toClosure({ closureId: 'c-2' });
  assert.equal(c.report.clients, 0);
  assert.equal(c.report.longestRemainingWaitDays, null);
  assert.deepEqual(c.members, []);
});

test('the last validation round is the newest (first) of the figures', () => {
  const figures = { validationRounds: [
    { roundId: 'new', scope: { region: 'rotterdam', providerAgb: null, diagnosisGroup: null }, status: 'CLOSED',
      asked: 10, answered: 7, stillWaiting: 4, withdrawn: 2, changed: 1, noAnswer: 3, waitingBefore: 120, waitingAfter: 118 },
    { roundId: 'old', scope: {}, status: 'CLOSED', asked: 1 },
  ] };
  const round = lastValidationRound(figures);
  assert.equal(round.roundId, 'new');
  assert.equal(round.withdrawn, 2);
  assert.equal(round.noAnswer, 3);
  assert.equal(round.waitingBefore, 120);
  assert.equal(round.waitingAfter, 118);
});

test('no field or an empty list is "no round yet"', () => {
  assert.equal(lastValidationRound({}), null);
  assert.equal(lastValidationRound({ validationRounds: [] }), null);
  assert.equal(lastValidationRound(undefined), null);
});
