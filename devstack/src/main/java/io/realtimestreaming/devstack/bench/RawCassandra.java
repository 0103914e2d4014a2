package io.realtimestreaming.devstack.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Cassandra's own write rate for user rows, the ceiling the stream job's sink is compared with: the
 * driver's prepared INSERT with {@code executeAsync}, {@value #IN_FLIGHT} requests in flight,
 * LOCAL_QUORUM as the sink writes, into a scratch table with created_users' columns that is dropped
 * afterwards.
 */
final class RawCassandra implements AutoCloseable {

  static final int IN_FLIGHT = 1024;

  private final CqlSession session;
  private final String table;
  private final PrintStream out;

  RawCassandra(CqlSession session, String table, PrintStream out) {
    this.session = session;
    this.table = "spark_streams." + table;
    this.out = out;
    session.execute(
        SimpleStatement.newInstance(
                "CREATE TABLE "
                    + this.table
                    + " (id uuid PRIMARY KEY, first_name text, last_name text, gender text,"
                    + " address text, post_code text, email text, username text, dob timestamp,"
                    + " registered_date timestamp, phone text, picture text, nationality text,"
                    + " ingestion_run_id uuid, ingested_at timestamp, processed_at timestamp)")
            .setTimeout(Duration.ofSeconds(60)));
  }

  Throughput write(BenchUsers users, String label) throws InterruptedException {
    PreparedStatement insert =
        session.prepare(
            SimpleStatement.newInstance(
                    "INSERT INTO "
                        + table
                        + " (id, first_name, last_name, gender, address, post_code, email, username,"
                        + " dob, registered_date, phone, picture, nationality, ingestion_run_id, ingested_at,"
                        + " processed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .setConsistencyLevel(DefaultConsistencyLevel.LOCAL_QUORUM)
                .setIdempotent(true));
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Instant processedAt = Instant.now(); // as the sink: one per batch
    long start = System.nanoTime();
    try (ProgressTicker progress = new ProgressTicker(label, users.count(), out)) {
      for (int i = 0; i < users.count() && failure.get() == null; i++) {
        UserRow u = users.row(i);
        inFlight.acquire();
        session
            .executeAsync(
                insert.bind(
                    users.id(i),
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
                    users.runId(),
                    users.ingestedAt(),
                    processedAt))
            .whenComplete(
                (result, error) -> {
                  if (error != null) {
                    failure.compareAndSet(null, error);
                  }
                  progress.done().incrementAndGet();
                  inFlight.release();
                });
      }
      if (!inFlight.tryAcquire(IN_FLIGHT, 2, TimeUnit.MINUTES)) {
        throw new IllegalStateException(
            "raw Cassandra writes to " + table + " did not finish within 2 minutes");
      }
    }
    if (failure.get() != null) {
      throw new IllegalStateException(
          "a raw Cassandra write to " + table + " failed: " + failure.get(), failure.get());
    }
    return Throughput.of(label, users.count(), System.nanoTime() - start);
  }

  @Override
  public void close() {
    session.execute(
        SimpleStatement.newInstance("DROP TABLE IF EXISTS " + table)
            .setTimeout(Duration.ofSeconds(60)));
  }
}
