#!/usr/bin/env bash
# Creates the pipeline's topics, as `./pipeline up` does: each argument is a topic name, created
# with TOPIC_PARTITIONS partitions on BOOTSTRAP_SERVERS if it does not exist yet, and grown to
# that many if it has fewer (Kafka can add partitions, never remove them). Safe to run again.
# TOPIC_REPLICATION_FACTOR (default 1) and TOPIC_MIN_INSYNC_REPLICAS (default 1) shape a topic
# being created: docker-compose.cluster.yml sets 3 and 2. Events are at most 1 MiB
# (max.message.bytes), what the ingest service's producer sends.
#
# Usage (the kafka-init service in docker-compose.yml):
#   BOOTSTRAP_SERVERS=broker:29092 TOPIC_PARTITIONS=3 create-topics.sh users_created users_created.dlq
set -euo pipefail

bootstrap="${BOOTSTRAP_SERVERS:?set BOOTSTRAP_SERVERS, e.g. broker:29092}"
partitions="${TOPIC_PARTITIONS:?set TOPIC_PARTITIONS, e.g. 3}"
[[ $# -gt 0 ]] || { echo "usage: create-topics.sh TOPIC..." >&2; exit 1; }

for topic in "$@"; do
  kafka-topics --bootstrap-server "$bootstrap" --create --if-not-exists \
    --topic "$topic" --partitions "$partitions" \
    --replication-factor "${TOPIC_REPLICATION_FACTOR:-1}" \
    --config min.insync.replicas="${TOPIC_MIN_INSYNC_REPLICAS:-1}" \
    --config max.message.bytes=1048588
  current="$(kafka-topics --bootstrap-server "$bootstrap" --describe --topic "$topic" \
    | sed -n 's/.*PartitionCount:[[:space:]]*\([0-9]*\).*/\1/p' | head -n 1)"
  if [[ -z "$current" ]]; then
    echo "topic $topic: could not read its partition count from kafka-topics --describe" >&2
    exit 1
  fi
  if (( current < partitions )); then
    # keys move to other partitions: fine here, the Cassandra upsert by user id is idempotent
    kafka-topics --bootstrap-server "$bootstrap" --alter --topic "$topic" --partitions "$partitions"
    current="$partitions"
  fi
  echo "topic $topic: $current partitions"
done
