-- The outbox keeps one row per stored page (its users' ids and events, in order) instead of one
-- row per user: a page's events are written with one insert and claimed with one delete, where a
-- row per user cost PostgreSQL 5,000 inserts and 5,000 deletes for every page of 5,000 users.
alter table outbox rename to outbox_v1;
alter sequence outbox_seq_seq rename to outbox_v1_seq_seq;
alter index outbox_pkey rename to outbox_v1_pkey;

create table outbox (
    seq        bigserial   primary key,
    run_id     uuid        not null,
    user_ids   uuid[]      not null,
    payloads   bytea[]     not null, -- the Kafka values, exactly as sent (Avro, Confluent wire format)
    created_at timestamptz not null default now(),
    check (cardinality(user_ids) = cardinality(payloads) and cardinality(user_ids) > 0)
);
-- Avro barely compresses; storing the events out of line without compression spares the CPU.
alter table outbox alter column payloads set storage external;

-- Rows still waiting are kept, in their order: consecutive rows of one run become one row.
insert into outbox (run_id, user_ids, payloads, created_at)
select run_id, array_agg(user_id order by seq), array_agg(payload order by seq), min(created_at)
from (select o.*,
             row_number() over (order by seq)
               - row_number() over (partition by run_id order by seq) as island
      from outbox_v1 o) waiting
group by run_id, island
order by min(seq);

drop table outbox_v1;
