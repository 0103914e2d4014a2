package io.realtimestreaming.deploy.compose;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a service's container may do and use: {@code security_opt}, {@code cap_drop}, {@code
 * cap_add}, {@code read_only}, {@code tmpfs}, and its memory limit ({@code mem_limit}, or {@code
 * deploy.resources.limits.memory}).
 */
public record Confinement(
    List<String> securityOpt,
    List<String> capDrop,
    List<String> capAdd,
    boolean readOnly,
    List<String> tmpfs,
    Optional<String> memoryLimit) {

  public Confinement {
    securityOpt = List.copyOf(securityOpt);
    capDrop = List.copyOf(capDrop);
    capAdd = List.copyOf(capAdd);
    tmpfs = List.copyOf(tmpfs);
  }

  static Confinement from(Map<?, ?> service) {
    return new Confinement(
        ComposeService.strings(service.get("security_opt")),
        ComposeService.strings(service.get("cap_drop")),
        ComposeService.strings(service.get("cap_add")),
        Boolean.parseBoolean(String.valueOf(service.get("read_only"))),
        ComposeService.strings(service.get("tmpfs")),
        memoryLimit(service));
  }

  /**
   * {@code no-new-privileges} is set: no process of the container gains privileges through a setuid
   * or file-capability binary. Docker accepts {@code no-new-privileges}, {@code
   * no-new-privileges:true} and {@code no-new-privileges=true}.
   */
  public boolean noNewPrivileges() {
    return securityOpt.stream()
        .map(String::strip)
        .anyMatch(
            o ->
                o.equals("no-new-privileges")
                    || o.equals("no-new-privileges:true")
                    || o.equals("no-new-privileges=true"));
  }

  /** Every Linux capability is dropped ({@code cap_drop: [ALL]}), whatever is added back. */
  public boolean dropsAllCapabilities() {
    return capDrop.stream().anyMatch(c -> c.strip().equalsIgnoreCase("ALL"));
  }

  /** The paths mounted as tmpfs, without their options ({@code /tmp:size=64m} is {@code /tmp}). */
  public List<String> tmpfsPaths() {
    return tmpfs.stream().map(t -> t.split(":", 2)[0].strip()).toList();
  }

  private static Optional<String> memoryLimit(Map<?, ?> service) {
    if (service.get("mem_limit") != null) {
      return Optional.of(service.get("mem_limit").toString());
    }
    if (service.get("deploy") instanceof Map<?, ?> deploy
        && deploy.get("resources") instanceof Map<?, ?> resources
        && resources.get("limits") instanceof Map<?, ?> limits
        && limits.get("memory") != null) {
      return Optional.of(limits.get("memory").toString());
    }
    return Optional.empty();
  }
}
