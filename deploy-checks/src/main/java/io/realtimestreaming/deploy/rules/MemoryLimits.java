package io.realtimestreaming.deploy.rules;

import io.realtimestreaming.deploy.compose.ComposeFile;
import io.realtimestreaming.deploy.compose.ComposeService;
import io.realtimestreaming.deploy.compose.MemorySize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every service has a memory limit ({@code mem_limit} or {@code deploy.resources.limits.memory}),
 * so that one container cannot take the host's memory from the others, and a JVM's limit leaves
 * room beyond its heap: at least {@value #HEAP_FACTOR} times the largest heap its environment sets
 * ({@code -Xmx} in any variable, or {@code MAX_HEAP_SIZE}, {@code SPARK_DAEMON_MEMORY}, {@code
 * SPARK_DRIVER_MEMORY}); metaspace, thread stacks, code cache and direct buffers live outside the
 * heap. A {@code ${NAME:-default}} counts with its default.
 */
public final class MemoryLimits {

  public static final String RULE = "memory-limits";

  static final double HEAP_FACTOR = 1.5;

  /** Environment variables whose value is a JVM's maximum heap. */
  private static final Set<String> HEAP_VARIABLES =
      Set.of("MAX_HEAP_SIZE", "SPARK_DAEMON_MEMORY", "SPARK_DRIVER_MEMORY");

  private static final Pattern XMX = Pattern.compile("-Xmx(\\S+)");

  private MemoryLimits() {}

  public static List<Violation> check(ComposeFile compose) {
    List<Violation> violations = new ArrayList<>();
    for (ComposeService service : compose.services().values()) {
      Optional<String> limit = service.confinement().memoryLimit();
      if (limit.isEmpty()) {
        violations.add(
            new Violation(
                RULE,
                service.name(),
                "has no memory limit: set mem_limit, sized from the heaps it runs"));
        continue;
      }
      try {
        MemorySize bytes = MemorySize.parse(limit.get());
        largestHeap(service.environment())
            .filter(heap -> bytes.compareTo(heap.times(HEAP_FACTOR)) < 0)
            .ifPresent(
                heap ->
                    violations.add(
                        new Violation(
                            RULE,
                            service.name(),
                            "mem_limit "
                                + limit.get()
                                + " leaves too little beyond its heap of "
                                + heap
                                + ": give it at least "
                                + heap.times(HEAP_FACTOR))));
      } catch (IllegalArgumentException e) {
        violations.add(new Violation(RULE, service.name(), e.getMessage()));
      }
    }
    return violations;
  }

  private static Optional<MemorySize> largestHeap(Map<String, String> environment) {
    List<MemorySize> heaps = new ArrayList<>();
    environment.forEach(
        (name, value) -> {
          if (HEAP_VARIABLES.contains(name)) {
            heaps.add(MemorySize.parse(value));
          }
          Matcher xmx = XMX.matcher(value);
          while (xmx.find()) {
            heaps.add(MemorySize.parse(xmx.group(1)));
          }
        });
    return heaps.stream().max(MemorySize::compareTo);
  }
}
