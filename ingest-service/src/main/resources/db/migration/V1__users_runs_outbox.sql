-- Ingestion runs: one row per POST /api/v1/ingestions. Counters are updated in place by the
-- page transactions (fetched, stored, duplicates, rejected) and by the outbox relay (published).
create table ingestion_runs (
    id            uuid primary key,
    status        text        not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    seed          text        not null,
    nationalities text        not null default '',
    requested     integer     not null,
    fetched       integer     not null default 0,
    stored        integer     not null default 0,
    duplicates    integer     not null default 0,
    rejected      integer     not null default 0,
    published     integer     not null default 0,
    error         text,
    started_at    timestamptz not null,
    updated_at    timestamptz not null,
    finished_at   timestamptz,
    version       bigint      not null default 0
);
create index ingestion_runs_started_at on ingestion_runs (started_at desc);

-- Users, keyed by randomuser's login.uuid: a re-fetched user is updated in place. raw keeps the
-- API record as received, for fields the normalized columns leave out.
create table users (
    id               uuid primary key,
    first_name       text        not null,
    last_name        text        not null,
    gender           text,
    address          text,
    post_code        text,
    email            text        not null,
    username         text        not null,
    dob              timestamptz not null,
    registered_date  timestamptz not null,
    phone            text,
    picture          text,
    nationality      text,
    ingestion_run_id uuid        not null,
    ingested_at      timestamptz not null,
    raw              jsonb       not null
);
create index users_ingestion_run_id on users (ingestion_run_id);

-- Transactional outbox: one row per stored user, written in the page's transaction and deleted
-- by the relay in the transaction that follows Kafka's acknowledgement. payload is the Kafka
-- value exactly as sent (Avro in the Confluent wire format).
create table outbox (
    seq        bigserial primary key,
    run_id     uuid        not null,
    user_id    uuid        not null,
    payload    bytea       not null,
    created_at timestamptz not null default now()
);
