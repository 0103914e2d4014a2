package io.realtimestreaming.stream.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the job is doing, written to a small JSON file on every change so that an operator's tools
 * ({@code ./pipeline status}, a container healthcheck) see the truth without parsing logs: {@code
 * running} (with the last batch), {@code restarting} (a query failed; the job tries again, with the
 * reason), or {@code failed} (a failure retrying cannot fix; the job waits for an operator).
 * Written atomically (a temporary file moved into place). No file is kept when no path is given.
 */
public final class JobStatus {

  /** The states the file can say. */
  public enum State {
    STARTING,
    RUNNING,
    RESTARTING,
    FAILED
  }

  private static final Logger LOG = LoggerFactory.getLogger(JobStatus.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private State state = State.STARTING;
  private String reason;
  private Instant since = Instant.now();
  private long lastBatch = -1;
  private Instant lastBatchAt;

  /**
   * @param file where to write, or null for no file
   */
  public JobStatus(Path file) {
    this.file = file;
    write();
  }

  public synchronized void running() {
    change(State.RUNNING, null);
  }

  public synchronized void restarting(String why) {
    change(State.RESTARTING, why);
  }

  public synchronized void failed(String why) {
    change(State.FAILED, why);
  }

  /** A batch committed: the job is running, whatever it was before. */
  public synchronized void batchCommitted(long batchId) {
    lastBatch = batchId;
    lastBatchAt = Instant.now();
    if (state != State.RUNNING) {
      state = State.RUNNING;
      reason = null;
      since = lastBatchAt;
    }
    write();
  }

  public synchronized State state() {
    return state;
  }

  private void change(State next, String why) {
    if (next != state) {
      since = Instant.now();
    }
    state = next;
    reason = why;
    write();
  }

  private void write() {
    if (file == null) {
      return;
    }
    ObjectNode status = JSON.createObjectNode();
    status.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
    status.put("reason", reason);
    status.put("since", since.toString());
    status.put("lastBatch", lastBatch);
    status.put("lastBatchAt", lastBatchAt == null ? null : lastBatchAt.toString());
    status.put("updatedAt", Instant.now().toString());
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temporary, JSON.writeValueAsString(status));
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warn("cannot write the job's status to {}: {}", file, e.toString());
    } catch (RuntimeException e) {
      throw new UncheckedIOException(new IOException("cannot encode the job's status", e));
    }
  }
}
