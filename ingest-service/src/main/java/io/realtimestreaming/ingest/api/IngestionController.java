package io.realtimestreaming.ingest.api;

import io.realtimestreaming.ingest.reconcile.RunReconciler;
import io.realtimestreaming.ingest.run.IngestionRun;
import io.realtimestreaming.ingest.run.IngestionRunRepository;
import io.realtimestreaming.ingest.run.RunLauncher;
import io.realtimestreaming.ingest.users.UserStore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The ingestion API: start runs, follow them, list what they stored. Maps and delegates. */
@RestController
@RequestMapping("/api/v1/ingestions")
class IngestionController {

  private final RunLauncher launcher;
  private final IngestionRunRepository runs;
  private final UserStore users;
  private final RunReconciler reconciler;

  IngestionController(
      RunLauncher launcher,
      IngestionRunRepository runs,
      UserStore users,
      RunReconciler reconciler) {
    this.launcher = launcher;
    this.runs = runs;
    this.users = users;
    this.reconciler = reconciler;
  }

  @PostMapping
  ResponseEntity<RunView> start(@Valid @RequestBody IngestionRequest request) {
    IngestionRun run =
        launcher.start(request.count(), request.seedOrRandom(), request.normalizedNationalities());
    URI location =
        ServletUriComponentsBuilder.fromCurrentRequest()
            .path("/{id}")
            .buildAndExpand(run.getId())
            .toUri();
    return ResponseEntity.accepted().location(location).body(RunView.from(run, null));
  }

  /** The run with its end-to-end reconciliation. */
  @GetMapping("/{id}")
  RunView get(@PathVariable UUID id) {
    IngestionRun run = find(id);
    return RunView.from(run, reconciler.reconcile(run));
  }

  /** The most recent runs first. */
  @GetMapping
  List<RunView> recent(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
    return runs.findByOrderByStartedAtDesc(Limit.of(limit)).stream()
        .map(run -> RunView.from(run, null))
        .toList();
  }

  @GetMapping("/{id}/users")
  RunUsersView users(
      @PathVariable UUID id, @RequestParam(defaultValue = "100") @Min(1) @Max(100_000) int limit) {
    find(id);
    return new RunUsersView(id, limit, users.idsOfRun(id, limit));
  }

  /**
   * Users of the run that neither landed in Cassandra nor were dead-lettered or parked yet, in id
   * order: what the run still waits for.
   */
  @GetMapping("/{id}/pending")
  RunUsersView pending(
      @PathVariable UUID id, @RequestParam(defaultValue = "100") @Min(1) @Max(100_000) int limit) {
    find(id);
    return new RunUsersView(id, limit, reconciler.unaccounted(id, limit));
  }

  /** Users of the run whose events Kafka refused for good (their reason is in outbox_parked). */
  @GetMapping("/{id}/parked")
  RunUsersView parked(
      @PathVariable UUID id, @RequestParam(defaultValue = "100") @Min(1) @Max(100_000) int limit) {
    find(id);
    return new RunUsersView(id, limit, reconciler.parked(id, limit));
  }

  private IngestionRun find(UUID id) {
    return runs.findById(id).orElseThrow(() -> new RunNotFoundException(id));
  }
}
