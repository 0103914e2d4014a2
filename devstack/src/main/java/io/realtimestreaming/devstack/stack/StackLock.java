package io.realtimestreaming.devstack.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Serializes {@code up} and {@code down} of one stack: two concurrent {@code up}s (a developer and
 * a test run, say) would otherwise both start Kafka on the same data directory.
 */
final class StackLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private StackLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static StackLock acquire(StackSettings settings) {
    try {
      Path file = settings.home().resolve("pids").resolve(".lock");
      Files.createDirectories(file.getParent());
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        System.out.println(
            "another ./pipeline up/down is running on " + settings.home() + "; waiting for it");
        lock = channel.lock();
      }
      return new StackLock(channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + settings.home(), e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
