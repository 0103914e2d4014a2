package io.realtimestreaming.devstack.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The development defaults of the checkout ({@code dev-defaults.properties} at its root): ports,
 * the database role, the ingest API key. The tests read the same file (test-support), so the two
 * never disagree.
 */
public final class DevDefaults {

  public static final String FILE = "dev-defaults.properties";

  private final Properties values;

  private DevDefaults(Properties values) {
    this.values = values;
  }

  public static DevDefaults of(Path repoRoot) {
    Path file = repoRoot.resolve(FILE);
    Properties values = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      values.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + file + ": is PIPELINE_ROOT the checkout that holds ./pipeline?", e);
    }
    return new DevDefaults(values);
  }

  /** The value of {@code key}. */
  public String get(String key) {
    String value = values.getProperty(key);
    if (value == null) {
      throw new IllegalStateException(FILE + " has no " + key);
    }
    return value.strip();
  }

  /** The development port of {@code service}. */
  public int port(String service) {
    return Integer.parseInt(get("port." + service));
  }

  /** The services that listen on an address of their own (the ring's nodes), by name. */
  public Map<String, String> hosts() {
    Map<String, String> hosts = new HashMap<>();
    for (String key : values.stringPropertyNames()) {
      if (key.startsWith("host.")) {
        hosts.put(key.substring("host.".length()), get(key));
      }
    }
    return hosts;
  }

  /** The services that have a development port, e.g. {@code kafka}. */
  public Set<String> servicesWithPorts() {
    Set<String> services = new TreeSet<>();
    for (String key : values.stringPropertyNames()) {
      if (key.startsWith("port.")) {
        services.add(key.substring("port.".length()));
      }
    }
    return services;
  }
}
