package io.realtimestreaming.ingest.run;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many runs the service takes on, and who it is ({@code ingest.runs.*}).
 *
 * @param concurrency runs executing at once
 * @param queueCapacity runs accepted and waiting; beyond it a new run is refused with 503
 * @param instanceId names this service instance as the owner of the runs it executes, so that it
 *     fails the ones it left RUNNING when it starts again ({@link UnfinishedRuns}); it must stay
 *     the same across restarts and differ between instances that share a database. Default: the
 *     host name (docker-compose.yml sets one)
 * @param stallTimeout a RUNNING run without progress for this long is ended FAILED by any instance
 *     ({@link StalledRuns}); longer than a run may wait for rate budget ({@code
 *     ingest.randomuser.rate-budget.max-wait})
 * @param endRetryAttempts attempts at writing a run's FAILED status while the database is away
 */
@ConfigurationProperties("ingest.runs")
public record RunProperties(
    @DefaultValue("2") int concurrency,
    @DefaultValue("8") int queueCapacity,
    String instanceId,
    @DefaultValue("30m") Duration stallTimeout,
    @DefaultValue("12") int endRetryAttempts) {

  public RunProperties {
    if (instanceId == null || instanceId.isBlank()) {
      instanceId = hostName();
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(
          "cannot resolve this host's name for ingest.runs.instance-id; set INGEST_INSTANCE_ID", e);
    }
  }
}
