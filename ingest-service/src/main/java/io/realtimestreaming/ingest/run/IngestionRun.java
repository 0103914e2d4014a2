package io.realtimestreaming.ingest.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One ingestion run. The entity is created once and read; every later change is an atomic SQL
 * update in {@link IngestionRunRepository} (counters are added, never written back), because the
 * page transactions and the outbox relay update the same row concurrently and a read-modify-write
 * of the entity would lose the other's increments.
 */
@Entity
@Table(name = "ingestion_runs")
public class IngestionRun {

  @Id private UUID id;

  @Enumerated(EnumType.STRING)
  private RunStatus status;

  private String seed;
  private String nationalities;
  private int requested;
  private int fetched;
  private int stored;
  private int duplicates;
  private int rejected;
  private int published;
  private int parked;
  private String error;
  // the service instance that executes the run (ingest.runs.instance-id); read only in SQL
  private String owner;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  // Spring Data tells a new entity (persist) from a known one by the null version.
  @Version private Long version;

  protected IngestionRun() {}

  static IngestionRun start(
      int requested, String seed, List<String> nationalities, String owner, Instant now) {
    IngestionRun run = new IngestionRun();
    run.id = UUID.randomUUID();
    run.status = RunStatus.RUNNING;
    run.seed = seed;
    run.nationalities = String.join(",", nationalities);
    run.requested = requested;
    run.owner = owner;
    run.startedAt = now;
    run.updatedAt = now;
    return run;
  }

  public UUID getId() {
    return id;
  }

  public RunStatus getStatus() {
    return status;
  }

  public String getSeed() {
    return seed;
  }

  public List<String> getNationalities() {
    return nationalities.isEmpty() ? List.of() : Arrays.asList(nationalities.split(","));
  }

  public int getRequested() {
    return requested;
  }

  public int getFetched() {
    return fetched;
  }

  public int getStored() {
    return stored;
  }

  public int getDuplicates() {
    return duplicates;
  }

  public int getRejected() {
    return rejected;
  }

  public int getPublished() {
    return published;
  }

  public int getParked() {
    return parked;
  }

  public String getError() {
    return error;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }
}
