-- The service instance that executes a run (ingest.runs.instance-id). When an instance starts
-- again, the runs it left RUNNING (its process was killed, or they were still queued when it
-- stopped) are marked FAILED. Runs recorded before this migration have no owner.
alter table ingestion_runs add column owner text;
create index ingestion_runs_running_by_owner on ingestion_runs (owner) where status = 'RUNNING';
