package io.realtimestreaming.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.realtimestreaming.model.User;
import io.realtimestreaming.stream.settings.StreamSettings;
import io.realtimestreaming.stream.sink.CassandraSchema;
import io.realtimestreaming.testing.RealServices;
import io.realtimestreaming.testing.ServiceEndpoints;
import io.realtimestreaming.testing.ServiceKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.junit.jupiter.api.Test;

/**
 * Kafka to Cassandra throughput of the job against the raw driver, in one run on the same stack:
 * 200,000 users are produced to a fresh topic; the raw driver (prepared INSERT, executeAsync, 1024
 * in flight, one thread) writes them into a fresh table; the table is truncated; then the job, in
 * local[3], streams the topic into the same table. Each phase starts once Cassandra runs no
 * compaction. A warm-up stream of 20,000 records in the same JVM comes first (not measured). Prints
 * progress lines and the figures; the target is a ratio of at least 0.8.
 *
 * <p>Not part of the normal build (the name matches no test pattern). Run it alone:
 *
 * <pre>
 * ./mvnw -B -pl stream-job -am test -Dtest=StreamBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * {@code -Dbench.records=N} changes the count, {@code -Dbench.maxOffsetsPerTrigger=N} the batch.
 */
@RealServices({ServiceKind.KAFKA, ServiceKind.REGISTRY, ServiceKind.CASSANDRA})
class StreamBenchmark {

  static final int RECORDS = Integer.getInteger("bench.records", 200_000);
  static final String MAX_OFFSETS = System.getProperty("bench.maxOffsetsPerTrigger", "20000");
  static final int RAW_IN_FLIGHT = 1024;

  @Test
  void streamAgainstRawDriver(ServiceEndpoints endpoints) throws Exception {
    warmUp(endpoints);
    try (StreamFixture fixture = new StreamFixture(endpoints)) {
      StreamSettings settings =
          fixture.settings(
              "--trigger-interval", "2 seconds",
              "--max-offsets-per-trigger", MAX_OFFSETS,
              "--cassandra-consistency", "LOCAL_QUORUM");
      List<User> users =
          IntStream.range(0, RECORDS)
              .mapToObj(n -> TestUsers.user(UUID.randomUUID(), "Bench" + n))
              .toList();
      long t0 = System.nanoTime();
      fixture.send(users);
      log("produced %,d records to %s in %.1f s", RECORDS, fixture.topic, seconds(t0));
      CassandraSchema.apply(fixture.cql(), settings.cassandra(), null, "");

      awaitIdleStorage(fixture);
      double raw = rawDriverRate(fixture, settings, users);
      awaitIdleStorage(fixture);
      fixture.cql().execute("TRUNCATE spark_streams." + fixture.table);

      double stream = streamRate(fixture, settings);
      long rows =
          fixture
              .cql()
              .execute("SELECT count(*) FROM spark_streams." + fixture.table)
              .one()
              .getLong(0);
      log("rows in %s after the stream: %,d", fixture.table, rows);
      log(
          "RESULT raw driver %,.0f rows/s | stream job %,.0f rows/s | ratio %.2f (target >= 0.8)",
          raw, stream, stream / raw);
      assertThat(rows).isEqualTo(RECORDS);
    }
  }

  /**
   * Streams 20,000 records through a throwaway topic and table first (not measured), so that the
   * measured run sees a long-running job's steady state, not the JVM's first Spark job (class
   * loading, code generation, the Kafka connector's first consumers).
   */
  private void warmUp(ServiceEndpoints endpoints) throws Exception {
    try (StreamFixture warm = new StreamFixture(endpoints)) {
      warm.send(
          IntStream.range(0, 20_000)
              .mapToObj(n -> TestUsers.user(UUID.randomUUID(), "Warm" + n))
              .toList());
      StreamingQuery query = UserStreamJob.start(TestSpark.session(), warm.settings());
      long start = System.nanoTime();
      try {
        await()
            .atMost(Duration.ofMinutes(5))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () ->
                    java.util.Arrays.stream(query.recentProgress())
                            .mapToLong(StreamingQueryProgress::numInputRows)
                            .sum()
                        >= 20_000);
      } finally {
        query.stop();
      }
      log("warm-up: 20,000 records streamed in %.1f s (not measured)", seconds(start));
    }
  }

  /**
   * Waits until Cassandra runs no compaction, so that each phase starts on idle storage: otherwise
   * the job's phase pays for compacting what the raw phase wrote (TRUNCATE would discard the rest),
   * and the comparison is of storage backlogs, not of writers.
   */
  private static void awaitIdleStorage(StreamFixture fixture) {
    long start = System.nanoTime();
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> fixture.cql().execute("SELECT * FROM system_views.sstable_tasks").one() == null);
    log("storage idle (no compaction running) after %.1f s", seconds(start));
  }

  private double rawDriverRate(StreamFixture fixture, StreamSettings settings, List<User> users)
      throws InterruptedException {
    PreparedStatement insert =
        fixture
            .cql()
            .prepare(
                "INSERT INTO spark_streams."
                    + fixture.table
                    + " (id, first_name, last_name, gender,"
                    + " address, post_code, email, username, dob, registered_date, phone, picture,"
                    + " nationality, ingestion_run_id, ingested_at, processed_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    Semaphore inFlight = new Semaphore(RAW_IN_FLIGHT);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Instant now = Instant.now();
    long start = System.nanoTime();
    int n = 0;
    for (User u : users) {
      inFlight.acquire();
      fixture
          .cql()
          .executeAsync(
              insert
                  .boundStatementBuilder(
                      u.id(),
                      u.firstName(),
                      u.lastName(),
                      u.gender(),
                      u.address(),
                      u.postCode(),
                      u.email(),
                      u.username(),
                      u.dob(),
                      u.registeredDate(),
                      u.phone(),
                      u.picture(),
                      u.nationality(),
                      u.ingestionRunId(),
                      u.ingestedAt(),
                      now)
                  .setConsistencyLevel(settings.cassandra().consistencyLevel())
                  .setIdempotence(true)
                  .build())
          .whenComplete(
              (r, e) -> {
                if (e != null) {
                  failure.compareAndSet(null, e);
                }
                inFlight.release();
              });
      if (++n % 50_000 == 0) {
        log("raw driver: %,d/%,d written, %,.0f rows/s", n, users.size(), n / seconds(start));
      }
    }
    assertThat(inFlight.tryAcquire(RAW_IN_FLIGHT, 2, TimeUnit.MINUTES)).isTrue();
    assertThat(failure.get()).isNull();
    double rate = users.size() / seconds(start);
    log("raw driver: %,d rows in %.1f s = %,.0f rows/s", users.size(), seconds(start), rate);
    return rate;
  }

  /** Rows/s from the start of the first batch to the end of the last (startup excluded). */
  private double streamRate(StreamFixture fixture, StreamSettings settings) throws Exception {
    long start = System.nanoTime();
    StreamingQuery query = UserStreamJob.start(TestSpark.session(), settings);
    try {
      long[] seen = {0, -1};
      await()
          .atMost(Duration.ofMinutes(10))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                for (StreamingQueryProgress p : query.recentProgress()) {
                  if (p.batchId() > seen[1] && p.numInputRows() > 0) {
                    seen[1] = p.batchId();
                    seen[0] += p.numInputRows();
                    log(
                        "stream: batch %d, %,d rows in %,d ms (%,.0f rows/s), %,d/%,d done",
                        p.batchId(),
                        p.numInputRows(),
                        p.batchDuration(),
                        p.processedRowsPerSecond(),
                        seen[0],
                        RECORDS);
                  }
                }
                return seen[0] >= RECORDS;
              });
      StreamingQueryProgress[] progress = query.recentProgress();
      StreamingQueryProgress first =
          java.util.Arrays.stream(progress)
              .filter(p -> p.numInputRows() > 0)
              .findFirst()
              .orElseThrow();
      StreamingQueryProgress last = progress[progress.length - 1];
      double batchSeconds =
          (Instant.parse(last.timestamp()).toEpochMilli()
                  + last.batchDuration()
                  - Instant.parse(first.timestamp()).toEpochMilli())
              / 1000.0;
      double rate = RECORDS / batchSeconds;
      log(
          "stream job: %,d rows in %.1f s of batches (%.1f s from start)" + " = %,.0f rows/s",
          RECORDS, batchSeconds, seconds(start), rate);
      return rate;
    } finally {
      query.stop();
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void log(String format, Object... args) {
    System.out.printf("[bench] " + format + "%n", args);
  }
}
