package io.realtimestreaming.devstack.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a service's configuration file from a template under devstack/src/main/resources/devstack.
 */
public final class ConfigTemplate {

  private ConfigTemplate() {}

  /** Copies resource {@code name} into .local/conf with each {@code ${key}} replaced. */
  public static Path write(StackSettings settings, String name, Map<String, String> values)
      throws IOException {
    return write(settings, name, name, values);
  }

  /** As {@link #write(StackSettings, String, Map)}, to the file {@code target} in .local/conf. */
  public static Path write(
      StackSettings settings, String name, String target, Map<String, String> values)
      throws IOException {
    String text;
    try (InputStream in = ConfigTemplate.class.getResourceAsStream("/devstack/" + name)) {
      if (in == null) {
        throw new IOException("template devstack/" + name + " is missing from the devstack jar");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (Map.Entry<String, String> e : values.entrySet()) {
      text = text.replace("${" + e.getKey() + "}", e.getValue());
    }
    return writeText(settings, target, text);
  }

  /** Writes {@code text} as .local/conf/{@code name}. */
  public static Path writeText(StackSettings settings, String name, String text)
      throws IOException {
    Files.createDirectories(settings.confDir());
    Path file = settings.confDir().resolve(name);
    Files.writeString(file, text);
    return file;
  }
}
