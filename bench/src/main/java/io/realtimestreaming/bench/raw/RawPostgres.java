package io.realtimestreaming.bench.raw;

import io.realtimestreaming.devstack.stack.StackSettings;
import io.realtimestreaming.ingest.users.FetchedUser;
import io.realtimestreaming.ingest.users.UserPageUpsert;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * PostgreSQL's own write rate for the service's rows, the ceiling the ingest service is compared
 * with, two ways, each on as many connections as the service stores pages on:
 *
 * <ul>
 *   <li>COPY: one {@code COPY ... FROM STDIN (FORMAT csv)} per connection of its share of the rows,
 *       one transaction each: the fastest way PostgreSQL takes rows in;
 *   <li>unnest: the service's own page statement ({@link UserPageUpsert}, the same code the service
 *       runs), a page of {@value #PAGE} rows per statement and per transaction.
 * </ul>
 *
 * Each way writes into a table created {@code LIKE} the service's {@code users} table (its Flyway
 * migrations made it), indexes and constraints included, in a schema of its own: the service's
 * statement names {@code users} and runs unchanged with that schema as the search path. Every round
 * starts on an emptied table. Each way's connections stay open from the first round to the last, as
 * the service's pool keeps its own: a backend that exits as its round ends would take the round's
 * CPU out of its server's reading ({@code CpuTally}) until the server had reaped it. The schemas
 * are dropped on close.
 */
public final class RawPostgres implements AutoCloseable {

  public static final String COPY = "raw PostgreSQL COPY";
  public static final String UNNEST = "raw PostgreSQL unnest (the service's page statement)";

  /** Rows per statement of the unnest way: the service's page (ingest.randomuser.page-size). */
  static final int PAGE = 5000;

  private final StackSettings settings;
  private final String copySchema;
  private final String unnestSchema;
  private final int connections;
  private final List<String> columns;
  private final CsvLine csv;
  private final List<Connection> copyConnections;
  private final List<Connection> unnestConnections;

  /**
   * @param serviceSchema the schema the service's migrations created
   * @param connections how many connections each way writes on
   */
  public RawPostgres(StackSettings settings, String serviceSchema, int connections)
      throws SQLException {
    this.settings = settings;
    this.copySchema = serviceSchema + "_copy";
    this.unnestSchema = serviceSchema + "_unnest";
    this.connections = connections;
    try (Connection c = connect(null);
        Statement s = c.createStatement()) {
      for (String schema : List.of(copySchema, unnestSchema)) {
        s.execute("create schema " + schema);
        s.execute(
            "create table " + schema + ".users (like " + serviceSchema + ".users including all)");
      }
      this.columns = columns(c, copySchema);
      this.csv = CsvLine.forColumns(columns);
    }
    this.copyConnections = open(copySchema);
    this.unnestConnections = open(unnestSchema);
  }

  /** The settings the figures depend on, e.g. "fsync=off, synchronous_commit=on". */
  public String durability() throws SQLException {
    try (Connection c = connect(null);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select current_setting('fsync'), current_setting('synchronous_commit')")) {
      rs.next();
      return "fsync=" + rs.getString(1) + ", synchronous_commit=" + rs.getString(2);
    }
  }

  /**
   * COPYs the users into the emptied table; answers rows/s.
   *
   * @param users of one run, instant and version, as {@link UserPool#users} makes them: users with
   *     the same record share every column but the id, so each record is encoded once
   */
  public double copy(List<FetchedUser> users, PrintStream out) throws Exception {
    truncate(copySchema);
    // every byte is encoded before the clock starts
    Map<byte[], byte[]> restByRecord = new IdentityHashMap<>();
    byte[][] ids = new byte[users.size()][];
    byte[][] rests = new byte[users.size()][];
    for (int i = 0; i < ids.length; i++) {
      FetchedUser user = users.get(i);
      ids[i] = CsvLine.id(user.user());
      rests[i] = restByRecord.computeIfAbsent(user.rawJson(), record -> csv.rest(user));
    }
    String copy = "copy users (" + String.join(", ", columns) + ") from stdin (format csv)";
    List<int[]> shares = shares(users.size());
    try (ProgressTicker progress = new ProgressTicker(COPY, users.size(), out)) {
      return Parallel.rate(
          users.size(),
          shares.size(),
          i -> {
            Connection c = copyConnections.get(i);
            try (PGCopyOutputStream stream =
                new PGCopyOutputStream(c.unwrap(PGConnection.class), copy, 1 << 16)) {
              for (int row = shares.get(i)[0]; row < shares.get(i)[1]; row++) {
                stream.write(ids[row]);
                stream.write(rests[row]);
                progress.done().incrementAndGet();
              }
              stream.endCopy();
            }
            c.commit();
          });
    }
  }

  /** Upserts the users page by page with the service's statement; answers rows/s. */
  public double unnest(List<FetchedUser> users, PrintStream out) throws Exception {
    truncate(unnestSchema);
    List<List<List<FetchedUser>>> pages = new ArrayList<>();
    for (int[] share : shares(users.size())) {
      List<List<FetchedUser>> sharePages = new ArrayList<>();
      for (int from = share[0]; from < share[1]; from += PAGE) {
        List<FetchedUser> page =
            new ArrayList<>(users.subList(from, Math.min(share[1], from + PAGE)));
        page.sort(Comparator.comparing(u -> u.user().id())); // as the service orders a page
        sharePages.add(page);
      }
      pages.add(sharePages);
    }
    try (ProgressTicker progress = new ProgressTicker(UNNEST, users.size(), out)) {
      return Parallel.rate(
          users.size(),
          pages.size(),
          i -> {
            Connection c = unnestConnections.get(i);
            for (List<FetchedUser> page : pages.get(i)) {
              UserPageUpsert.upsert(c, page);
              c.commit();
              progress.done().addAndGet(page.size());
            }
          });
    }
  }

  /** [from, to) row ranges, one per connection. */
  private List<int[]> shares(int rows) {
    List<int[]> shares = new ArrayList<>(connections);
    int size = (rows + connections - 1) / connections;
    for (int from = 0; from < rows; from += size) {
      shares.add(new int[] {from, Math.min(rows, from + size)});
    }
    return shares;
  }

  private List<Connection> open(String schema) throws SQLException {
    List<Connection> open = new ArrayList<>(connections);
    for (int i = 0; i < connections; i++) {
      Connection c = connect(schema);
      c.setAutoCommit(false);
      open.add(c);
    }
    return open;
  }

  private static void closeAll(List<Connection> open) throws SQLException {
    for (Connection c : open) {
      c.close();
    }
  }

  private void truncate(String schema) throws SQLException {
    try (Connection c = connect(null);
        Statement s = c.createStatement()) {
      s.execute("truncate " + schema + ".users");
    }
  }

  private static List<String> columns(Connection c, String schema) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select column_name from information_schema.columns"
                + " where table_schema = ? and table_name = 'users' order by ordinal_position")) {
      ps.setString(1, schema);
      List<String> columns = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
      }
      return columns;
    }
  }

  private Connection connect(String schema) throws SQLException {
    String url = settings.jdbcUrl(settings.postgresDatabase());
    return DriverManager.getConnection(
        schema == null ? url : url + "?currentSchema=" + schema,
        settings.postgresUser(),
        settings.postgresPassword());
  }

  @Override
  public void close() throws SQLException {
    closeAll(copyConnections);
    closeAll(unnestConnections);
    try (Connection c = connect(null);
        Statement s = c.createStatement()) {
      s.execute("drop schema if exists " + copySchema + " cascade");
      s.execute("drop schema if exists " + unnestSchema + " cascade");
    }
  }
}
