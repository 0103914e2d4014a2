package io.realtimestreaming.ingest.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Wakes the relay as soon as a page's events are committed, instead of at its next poll: every
 * outbox append notifies the channel {@code outbox_<schema>} in its transaction ({@link
 * OutboxStore#append}), which PostgreSQL delivers on commit, and this listener, on one connection
 * of its own, hands each notification to {@link OutboxRelay#wake()}. The poll stays as the
 * fallback: a notification lost while the listener reconnects costs at most one poll interval.
 */
final class OutboxWakeups implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxWakeups.class);
  private static final int WAIT_MILLIS = 1000;
  private static final long RECONNECT_MILLIS = 2000;

  private final DataSource dataSource;
  private final OutboxRelay relay;
  private final boolean enabled;
  private volatile boolean running;
  private Thread listener;

  /**
   * @param enabled {@code ingest.outbox.wake-on-commit}: when false, the relay only polls
   */
  OutboxWakeups(DataSource dataSource, OutboxRelay relay, boolean enabled) {
    this.dataSource = dataSource;
    this.relay = relay;
    this.enabled = enabled;
  }

  @Override
  public synchronized void start() {
    if (!enabled) {
      return;
    }
    running = true;
    listener = new Thread(this::listen, "outbox-wakeups");
    listener.setDaemon(true);
    listener.start();
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (listener != null) {
      listener.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void listen() {
    boolean failing = false;
    while (running) {
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        s.execute("listen " + channel(s));
        if (failing) {
          log.info("listening for outbox commits again");
          failing = false;
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] commits = pg.getNotifications(WAIT_MILLIS);
          if (commits != null && commits.length > 0) {
            relay.wake();
          }
        }
      } catch (SQLException e) {
        if (!running) {
          return;
        }
        if (!failing) {
          log.warn(
              "cannot listen for outbox commits ({}); the relay polls until it can again",
              e.toString());
          failing = true;
        }
        try {
          TimeUnit.MILLISECONDS.sleep(RECONNECT_MILLIS);
        } catch (InterruptedException stopping) {
          return;
        }
      }
    }
  }

  /** The channel of the schema the service writes, quoted: {@code "outbox_<schema>"}. */
  private static String channel(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("select quote_ident('outbox_' || current_schema())")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
