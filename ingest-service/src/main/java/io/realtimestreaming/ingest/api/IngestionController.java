package io.realtimestreaming.ingest.api;

import io.realtimestreaming.ingest.reconcile.RunReconciler;
import io.realtimestreaming.ingest.run.IngestionRun;
import io.realtimestreaming.ingest.run.IngestionRunRepository;
import io.realtimestreaming.ingest.run.RunLauncher;
import io.realtimestreaming.ingest.users.UserStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The ingestion API: start runs, follow them, list what they stored. Maps and delegates. The
 * annotations document it (OpenApiConfig adds the answers every operation shares).
 */
@RestController
@RequestMapping(path = "/api/v1/ingestions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "ingestions", description = "Ingestion runs")
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

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "startIngestion",
      summary = "Start an ingestion run",
      description =
          "Records the run as RUNNING and queues it; the run fetches, stores and publishes its"
              + " users in the background. Follow it at the Location.")
  @ApiResponse(
      responseCode = "202",
      description = "The run is accepted; Location is its URL (links: what to ask next)",
      useReturnTypeSchema = true,
      headers =
          @Header(
              name = HttpHeaders.LOCATION,
              required = true,
              description = "the run's URL",
              schema = @Schema(type = "string", format = "uri")))
  @ApiResponse(responseCode = "413", ref = "#/components/responses/ContentTooLarge")
  @ApiResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
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
  @Operation(operationId = "getIngestion", summary = "A run, with its end-to-end reconciliation")
  @ApiResponse(responseCode = "200", description = "The run", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
  RunView get(@PathVariable UUID id) {
    IngestionRun run = find(id);
    return RunView.from(run, reconciler.reconcile(run));
  }

  /** The most recent runs first. */
  @GetMapping
  @Operation(
      operationId = "listIngestions",
      summary = "The most recent runs, newest first (reconciliation null)")
  @ApiResponse(responseCode = "200", description = "The runs", useReturnTypeSchema = true)
  List<RunView> recent(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
    return runs.findByOrderByStartedAtDesc(Limit.of(limit)).stream()
        .map(run -> RunView.from(run, null))
        .toList();
  }

  @GetMapping("/{id}/users")
  @Operation(
      operationId = "listIngestionUsers",
      summary = "Ids of the users whose latest ingestion is this run, in id order")
  @ApiResponse(responseCode = "200", description = "The user ids", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
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
  @Operation(
      operationId = "listPendingUsers",
      summary =
          "Users of the run neither landed in Cassandra, dead-lettered nor parked yet, in id order")
  @ApiResponse(responseCode = "200", description = "The user ids", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
  RunUsersView pending(
      @PathVariable UUID id, @RequestParam(defaultValue = "100") @Min(1) @Max(100_000) int limit) {
    find(id);
    return new RunUsersView(id, limit, reconciler.unaccounted(id, limit));
  }

  /** Users of the run whose events Kafka refused for good (their reason is in outbox_parked). */
  @GetMapping("/{id}/parked")
  @Operation(
      operationId = "listParkedUsers",
      summary = "Users of the run whose events Kafka refused for good (parked), in id order")
  @ApiResponse(responseCode = "200", description = "The user ids", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
  RunUsersView parked(
      @PathVariable UUID id, @RequestParam(defaultValue = "100") @Min(1) @Max(100_000) int limit) {
    find(id);
    return new RunUsersView(id, limit, reconciler.parked(id, limit));
  }

  private IngestionRun find(UUID id) {
    return runs.findById(id).orElseThrow(() -> new RunNotFoundException(id));
  }
}
