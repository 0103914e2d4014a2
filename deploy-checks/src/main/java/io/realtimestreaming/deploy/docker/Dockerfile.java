package io.realtimestreaming.deploy.docker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build stages of a Dockerfile, as far as the deployment rules need them: each stage's base
 * image and its {@code USER}s. Continuation lines and comments are handled; global {@code ARG}
 * defaults are substituted into {@code FROM}.
 */
public record Dockerfile(List<BuildStage> stages) {

  private static final Pattern ARG_REFERENCE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

  public Dockerfile {
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("a Dockerfile needs at least one FROM");
    }
    stages = List.copyOf(stages);
  }

  public static Dockerfile parse(String text) {
    Map<String, String> globalArgs = new HashMap<>();
    List<BuildStage> stages = new ArrayList<>();
    String base = null;
    Optional<String> name = Optional.empty();
    boolean fromStage = false;
    List<String> users = new ArrayList<>();
    for (String instruction : instructions(text)) {
      String[] parts = instruction.split("\\s+", 2);
      String keyword = parts[0].toUpperCase(Locale.ROOT);
      String arguments = parts.length > 1 ? parts[1].strip() : "";
      if (keyword.equals("FROM")) {
        if (base != null) {
          stages.add(new BuildStage(base, name, fromStage, users));
        }
        List<String> words = new ArrayList<>(List.of(arguments.split("\\s+")));
        words.removeIf(w -> w.startsWith("--"));
        base = substitute(words.get(0), globalArgs);
        name =
            words.size() >= 3 && words.get(1).equalsIgnoreCase("AS")
                ? Optional.of(words.get(2))
                : Optional.empty();
        String candidate = base;
        fromStage =
            stages.stream().anyMatch(s -> s.name().filter(candidate::equalsIgnoreCase).isPresent());
        users = new ArrayList<>();
      } else if (keyword.equals("ARG") && base == null) {
        String[] arg = arguments.split("=", 2);
        globalArgs.put(arg[0].strip(), arg.length > 1 ? unquote(arg[1].strip()) : "");
      } else if (keyword.equals("USER") && base != null) {
        users.add(arguments);
      }
    }
    if (base == null) {
      throw new IllegalArgumentException("a Dockerfile needs at least one FROM");
    }
    stages.add(new BuildStage(base, name, fromStage, users));
    return new Dockerfile(stages);
  }

  /** The stage whose file system the image is. */
  public BuildStage finalStage() {
    return stages.get(stages.size() - 1);
  }

  /** One string per instruction: continuation lines joined, comments and blank lines dropped. */
  private static List<String> instructions(String text) {
    List<String> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      current.append(trimmed);
      instructions.add(current.toString().strip());
      current.setLength(0);
    }
    if (!current.isEmpty()) {
      instructions.add(current.toString().strip());
    }
    return instructions;
  }

  private static String substitute(String image, Map<String, String> args) {
    Matcher m = ARG_REFERENCE.matcher(image);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = args.get(m.group(1));
      m.appendReplacement(
          out, Matcher.quoteReplacement(value != null && !value.isEmpty() ? value : m.group()));
    }
    return m.appendTail(out).toString();
  }

  private static String unquote(String value) {
    boolean quoted =
        value.length() >= 2
            && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"));
    return quoted ? value.substring(1, value.length() - 1) : value;
  }
}
