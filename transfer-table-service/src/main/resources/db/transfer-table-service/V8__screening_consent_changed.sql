-- ScreeningConsentChanged (intake.referral-events) sets screening_consent after the referral; when it did,
-- screening_consent_changed_at says when, so an older consent change (a dead letter replayed late) and a
-- ReferralReceived told again do not undo the client's latest answer.
alter table waiting_client add column screening_consent_changed_at timestamptz;
