-- Every write of a user gets a version that only grows: microseconds since the epoch, at least the
-- previous version + 1 (see UserStore). Events carry it to Kafka and the stream job writes it as
-- the Cassandra write timestamp, so the newest version wins whatever the arrival order. Rows
-- written before this migration take their ingestion instant.
alter table users add column version bigint;
update users set version = (extract(epoch from ingested_at) * 1000000)::bigint;
alter table users alter column version set not null;

-- Each outbox row's event versions, in the order of user_ids; null for rows written before V4.
alter table outbox add column versions bigint[];

-- A run's records rejected at the door, by the UserContract rule they broke.
create table ingestion_run_rejections (
    run_id uuid    not null references ingestion_runs (id) on delete cascade,
    reason text    not null,
    count  integer not null,
    primary key (run_id, reason)
);

-- Events Kafka refused for a reason that retrying cannot change (too large, not serializable, an
-- invalid topic): moved here, with the reason, in the transaction that deletes them from the
-- outbox, so that the relay goes on with the next rows. Counted on the run as `parked`.
alter table ingestion_runs add column parked integer not null default 0;
create table outbox_parked (
    id        bigserial   primary key,
    run_id    uuid        not null,
    user_id   uuid        not null,
    version   bigint,
    payload   bytea       not null,
    reason    text        not null,
    parked_at timestamptz not null default now()
);
create index outbox_parked_run_id on outbox_parked (run_id);
