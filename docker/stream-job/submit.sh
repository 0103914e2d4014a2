#!/usr/bin/env bash
# Submits the stream job to the Spark standalone master in client mode: the driver runs in this
# container (reachable by the executors as SPARK_DRIVER_HOST), the executors on the workers.
# Any arguments are passed on to the job's main class.
#
# The same script submits the devstack's cluster topology (./pipeline up --topology cluster), on
# the host: SPARK_HOME then points at the devstack's Spark folder, the driver binds 127.0.0.1.
#
# The job reads its settings (KAFKA_BOOTSTRAP_SERVERS, CASSANDRA_*, ...) from the environment. The
# executors do not share this container's environment, so the settings are handed to them as
# spark.executorEnv.* too: whatever part of the job runs there sees the same values.
set -euo pipefail

: "${SPARK_MASTER:?set SPARK_MASTER, e.g. spark://spark-master:7077}"
: "${STREAM_JOB_JAR:?set STREAM_JOB_JAR}"
: "${STREAM_JOB_CLASS:?set STREAM_JOB_CLASS}"

conf=(
  --conf "spark.driver.host=${SPARK_DRIVER_HOST:-$(hostname)}"
  --conf "spark.driver.bindAddress=${SPARK_DRIVER_BIND_ADDRESS:-0.0.0.0}"
  --conf "spark.executor.cores=${SPARK_EXECUTOR_CORES:-1}"
  --conf "spark.executor.memory=${SPARK_EXECUTOR_MEMORY:-1g}"
  --conf "spark.cores.max=${SPARK_CORES_MAX:-1}"
)
for name in SPARK_MASTER KAFKA_BOOTSTRAP_SERVERS SCHEMA_REGISTRY_URL STREAM_TOPIC STREAM_DLQ_TOPIC \
  CASSANDRA_CONTACT_POINTS CASSANDRA_LOCAL_DC CASSANDRA_KEYSPACE CASSANDRA_TABLE \
  CASSANDRA_CONSISTENCY STREAM_CHECKPOINT_DIR STREAM_CONSUMER_GROUP; do
  if [[ -n "${!name:-}" ]]; then
    conf+=(--conf "spark.executorEnv.${name}=${!name}")
  fi
done

exec "${SPARK_HOME:-/opt/spark}/bin/spark-submit" \
  --master "$SPARK_MASTER" \
  --deploy-mode client \
  --class "$STREAM_JOB_CLASS" \
  --driver-memory "${SPARK_DRIVER_MEMORY:-1g}" \
  "${conf[@]}" \
  "$STREAM_JOB_JAR" "$@"
