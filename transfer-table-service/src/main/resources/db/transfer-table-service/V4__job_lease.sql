-- Work that must run on one instance per interval although every instance schedules it (the full
-- re-match): an instance runs it only if it claims the lease, i.e. moves last_run_at forward from a
-- value at least one interval old, in one conditional statement (ADR 0705).
create table job_lease (
    job          text primary key,
    last_run_at  timestamptz not null
);
