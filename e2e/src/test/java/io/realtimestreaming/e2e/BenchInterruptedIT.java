package io.realtimestreaming.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import io.realtimestreaming.devstack.cql.CqlSessions;
import io.realtimestreaming.devstack.stack.Processes;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./pipeline bench} stopped midway (SIGTERM, as Ctrl-C or a CI timeout would): the bench's
 * own instances stop with it and its scratch schemas, topics and tables go, as at a run's end; then
 * the infrastructure the command started for the bench (here the offline source) stops, and what it
 * found running is left alone.
 */
class BenchInterruptedIT {

  private static final Pattern SCRATCH = Pattern.compile("scratch (bench_\\w+?_)\\*");

  private final RunningPipeline pipeline = new RunningPipeline();
  private final PipelineCli cli = new PipelineCli(Path.of("..").toAbsolutePath().normalize());

  @Test
  void aBenchStoppedMidwayStopsItsInstancesAndDropsItsScratch() throws Exception {
    assertThat(pipeline.stack.up(List.of(), System.out::println)).isEmpty();
    pipeline.stop("randomuser");
    PipelineCli.Running bench = cli.start("bench", "ingest", "--quick");
    // by then its ingest-service instance runs and its schema holds the raw phase's tables
    await().atMost(Duration.ofMinutes(5)).until(() -> bench.output().contains("== ingest service"));
    Matcher scratch = SCRATCH.matcher(bench.output());
    assertThat(scratch.find()).as(bench.output()).isTrue();
    String prefix = scratch.group(1);
    List<ProcessHandle> started = bench.process().descendants().toList();
    assertThat(started).as("the bench and its instances").hasSizeGreaterThanOrEqualTo(2);
    assertThat(schemas(prefix)).isNotEmpty();

    bench.process().destroy();
    PipelineCli.Result stopped = bench.await(Duration.ofMinutes(3));

    assertThat(stopped.exitCode()).isNotZero();
    assertThat(stopped.output())
        .contains("== stopping the run's processes")
        .contains("== cleaning up " + prefix + "*")
        .doesNotContain("could not clean up");
    assertThat(stopped.output().indexOf("stopping what the bench started: randomuser"))
        .as("the infrastructure it started stops after the bench cleaned up")
        .isGreaterThan(stopped.output().indexOf("== cleaning up"));
    assertThat(pipeline.state("randomuser")).isEqualTo("stopped");
    assertThat(pipeline.state("kafka")).isEqualTo("ready");
    assertThat(started).noneMatch(p -> Processes.isAlive(p.pid()));
    assertThat(schemas(prefix)).isEmpty();
    assertThat(tables(prefix)).isEmpty();
    // a deleted topic goes from the brokers' listing once their controller has removed it
    await().atMost(Duration.ofSeconds(30)).until(() -> topics(prefix).isEmpty());
  }

  @AfterEach
  void infrastructureBackUp() {
    assertThat(pipeline.stack.up(List.of(), System.out::println)).isEmpty();
  }

  private List<String> schemas(String prefix) throws Exception {
    var s = pipeline.settings;
    try (Connection c =
            DriverManager.getConnection(
                s.jdbcUrl(s.postgresDatabase()), s.postgresUser(), s.postgresPassword());
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select nspname from pg_namespace where nspname like '" + prefix + "%'")) {
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      return names;
    }
  }

  private List<String> tables(String prefix) {
    try (CqlSession session = CqlSessions.open(pipeline.settings)) {
      return session
          .execute(
              "SELECT table_name FROM system_schema.tables WHERE keyspace_name = 'spark_streams'")
          .all()
          .stream()
          .map(row -> row.getString(0))
          .filter(name -> name.startsWith(prefix))
          .toList();
    }
  }

  private List<String> topics(String prefix) throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                pipeline.settings.kafkaBootstrapServers()))) {
      return admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
          .filter(name -> name.startsWith(prefix))
          .toList();
    }
  }
}
