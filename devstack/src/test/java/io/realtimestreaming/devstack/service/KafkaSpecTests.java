package io.realtimestreaming.devstack.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.devstack.stack.ServiceSpec.StartRetry;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which failed broker starts are worth another try, read from what the broker logged. */
class KafkaSpecTests {

  private final KafkaSpec broker = new KafkaSpec("kafka", 0);

  @Test
  void aRegistrationZooKeeperStillHoldsIsRetriedOnceItsSessionHasExpired() {
    String log =
        """
        ---- 2026-12-01T14:28:03Z starting kafka
        [2026-12-01 14:28:09,114] INFO Creating /brokers/ids/0 (is it secure? false) (kafka.zk.KafkaZkClient)
        [2026-12-01 14:28:09,120] ERROR Error while creating ephemeral at /brokers/ids/0, node already exists and owner '72057670489079818' does not match current session '72057670489079822' (kafka.zk.KafkaZkClient$CheckedEphemeral)
        [2026-12-01 14:28:09,121] ERROR [KafkaServer id=0] Fatal error during KafkaServer startup. Prepare to shutdown (kafka.server.KafkaServer)
        org.apache.zookeeper.KeeperException$NodeExistsException: KeeperErrorCode = NodeExists
        """;

    Optional<StartRetry> retry = broker.retryAfter(log);

    assertThat(retry).isPresent();
    assertThat(retry.get().after()).isGreaterThan(KafkaSpec.ZOOKEEPER_SESSION_TIMEOUT);
    assertThat(retry.get().after()).isLessThan(Duration.ofSeconds(30));
    assertThat(retry.get().reason()).contains("broker 0").contains("session expires");
  }

  @Test
  void aSessionThatExpiredWhileTheBrokerStartedIsRetriedAtOnce() {
    // as a broker of the cluster topology logged it in a CI run (2 cores starting 3 Cassandra
    // nodes, 3 brokers and Spark at once)
    String log =
        """
        ---- 2026-12-03T07:53:40Z starting kafka-1
        [2026-12-03 07:54:33,611] INFO [KafkaServer id=1] shut down completed (kafka.server.KafkaServer)
        [2026-12-03 07:54:33,612] ERROR Exiting Kafka due to fatal exception during startup. (kafka.Kafka$)
        org.apache.zookeeper.KeeperException$SessionExpiredException: KeeperErrorCode = Session expired for /feature
        	at org.apache.zookeeper.KeeperException.create(KeeperException.java:134)
        """;

    Optional<StartRetry> retry = broker.retryAfter(log);

    assertThat(retry).isPresent();
    assertThat(retry.get().after()).isLessThan(KafkaSpec.ZOOKEEPER_SESSION_TIMEOUT);
    assertThat(retry.get().reason()).contains("session expired while it started");
  }

  @Test
  void anyOtherFailedStartIsNotRetried() {
    String log =
        """
        ---- 2026-12-01T14:28:03Z starting kafka
        [2026-12-01 14:28:05,001] ERROR Exiting Kafka due to fatal exception (kafka.Kafka$)
        org.apache.kafka.common.KafkaException: Failed to acquire lock on file .lock in /data/kafka/logs. A Kafka instance in another process or thread is using this directory.
        """;

    assertThat(broker.retryAfter(log)).isEmpty();
  }
}
