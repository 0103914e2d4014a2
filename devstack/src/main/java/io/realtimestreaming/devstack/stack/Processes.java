package io.realtimestreaming.devstack.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What Linux's /proc says about processes and sockets: who holds a port, how much memory a process
 * tree uses, whether a PID is still the process we started. The JDK has no API for port owners or
 * RSS, hence this small reader.
 */
public final class Processes {

  private Processes() {}

  /** A running process: its PID and command line. */
  public record Owner(long pid, String commandLine) {}

  public static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  public static String commandLine(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
    } catch (IOException e) {
      return "";
    }
  }

  /** The environment a process started with, as NAME=value entries (empty when unreadable). */
  public static List<String> environment(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
      return List.of(new String(raw, StandardCharsets.UTF_8).split("\0"));
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Whether something accepts TCP connections on host:port. */
  public static boolean portAnswers(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The process listening on a TCP port of {@code host} (an IPv4 address, or on every address), if
   * /proc lets us see it.
   */
  public static Optional<Owner> listenerOf(String host, int port) {
    Set<String> inodes = listeningInodes(host, port);
    if (inodes.isEmpty()) {
      return Optional.empty();
    }
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path proc : procs) {
        if (holdsAny(proc.resolve("fd"), inodes)) {
          long pid = Long.parseLong(proc.getFileName().toString());
          return Optional.of(new Owner(pid, commandLine(pid)));
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** Resident memory of a process and its descendants, in bytes (0 when gone). */
  public static long residentBytes(long pid) {
    long total = rss(pid);
    for (ProcessHandle child :
        ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(List.of())) {
      total += rss(child.pid());
    }
    return total;
  }

  private static long rss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  private static Set<String> listeningInodes(String host, int port) {
    Set<String> inodes = new HashSet<>();
    String hexPort = String.format(":%04X", port);
    String hexHost = hexIpv4(host);
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        for (String line : Files.readAllLines(Path.of(table))) {
          String[] f = line.trim().split("\\s+");
          // local_address is field 1 (address:port, in hex), state field 3 (0A = LISTEN), inode 9
          if (f.length > 9
              && f[1].endsWith(hexPort)
              && f[3].equals("0A")
              && onHost(f[1].substring(0, f[1].indexOf(':')), hexHost)) {
            inodes.add("socket:[" + f[9] + "]");
          }
        }
      } catch (IOException e) {
        // no IPv6 table on this machine: nothing listens there
      }
    }
    return inodes;
  }

  /** An IPv4 address as /proc/net/tcp writes it (little-endian hex), or null for another host. */
  private static String hexIpv4(String host) {
    String[] parts = host.split("\\.");
    if (parts.length != 4) {
      return null;
    }
    try {
      return String.format(
          "%02X%02X%02X%02X",
          Integer.parseInt(parts[3]),
          Integer.parseInt(parts[2]),
          Integer.parseInt(parts[1]),
          Integer.parseInt(parts[0]));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * A listener on the host itself, or on every address (IPv4 or IPv6 wildcard), holds it. A Java
   * server bound to an IPv4 address listens on an IPv6 socket, which /proc/net/tcp6 shows with the
   * IPv4-mapped address {@code ::ffff:a.b.c.d}.
   */
  static boolean onHost(String hexAddress, String hexHost) {
    return hexHost == null
        || hexAddress.equals(hexHost)
        || hexAddress.equals(IPV4_MAPPED_PREFIX + hexHost)
        || hexAddress.chars().allMatch(c -> c == '0');
  }

  /** {@code ::ffff:0:0/96} as /proc/net/tcp6 writes it, before the IPv4 address's word. */
  private static final String IPV4_MAPPED_PREFIX = "0000000000000000FFFF0000";

  private static boolean holdsAny(Path fdDir, Set<String> inodes) {
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
      for (Path fd : fds) {
        try {
          if (inodes.contains(Files.readSymbolicLink(fd).toString())) {
            return true;
          }
        } catch (IOException e) {
          // the descriptor closed while we looked
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  /** How long the process has run; zero when unknown. */
  public static Duration uptime(long pid) {
    return ProcessHandle.of(pid)
        .flatMap(p -> p.info().startInstant())
        .map(start -> Duration.between(start, Instant.now()))
        .orElse(Duration.ZERO);
  }
}
