package io.realtimestreaming.testing;

/** The real services a test can ask for. Names match the devstack's service names. */
public enum ServiceKind {
  KAFKA("kafka"),
  REGISTRY("registry"),
  POSTGRES("postgres"),
  CASSANDRA("cassandra"),
  RANDOMUSER("randomuser");

  private final String devstackName;

  ServiceKind(String devstackName) {
    this.devstackName = devstackName;
  }

  /** The name `./pipeline up` knows this service by. */
  public String devstackName() {
    return devstackName;
  }
}
