package io.realtimestreaming.devstack.demo;

/** A stage a run's users pass through, and the service that moves them along it. */
enum Stage {
  INGESTING("fetching and storing", "ingest-service"),
  PUBLISHING("publishing to Kafka", "ingest-service"),
  LANDING("landing in Cassandra", "stream-job");

  private final String doing;
  private final String service;

  Stage(String doing, String service) {
    this.doing = doing;
    this.service = service;
  }

  String doing() {
    return doing;
  }

  /** The devstack service whose log tells why this stage is stuck. */
  String service() {
    return service;
  }
}
