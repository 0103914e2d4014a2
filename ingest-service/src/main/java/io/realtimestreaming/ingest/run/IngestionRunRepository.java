package io.realtimestreaming.ingest.run;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** Ingestion runs: created by JPA, then changed only by the atomic updates below. */
public interface IngestionRunRepository extends JpaRepository<IngestionRun, UUID> {

  List<IngestionRun> findByOrderByStartedAtDesc(Limit limit);

  @Modifying
  @Query(
      """
      update IngestionRun r set r.fetched = r.fetched + :fetched, r.stored = r.stored + :stored,
          r.duplicates = r.duplicates + :duplicates, r.rejected = r.rejected + :rejected,
          r.updatedAt = :now
      where r.id = :id
      """)
  void addPageCounts(
      @Param("id") UUID id,
      @Param("fetched") int fetched,
      @Param("stored") int stored,
      @Param("duplicates") int duplicates,
      @Param("rejected") int rejected,
      @Param("now") Instant now);

  /** Runs of {@code owner} still RUNNING that started before {@code before}, oldest first. */
  @Query(
      """
      select r.id from IngestionRun r
      where r.owner = :owner and r.status = io.realtimestreaming.ingest.run.RunStatus.RUNNING
          and r.startedAt < :before
      order by r.startedAt
      """)
  List<UUID> findRunningOf(@Param("owner") String owner, @Param("before") Instant before);

  /** Runs of {@code owner} still RUNNING whose last progress was before {@code before}. */
  @Query(
      """
      select r.id from IngestionRun r
      where r.owner = :owner and r.status = io.realtimestreaming.ingest.run.RunStatus.RUNNING
          and r.updatedAt < :before
      """)
  List<UUID> findRunningOfNotUpdatedSince(
      @Param("owner") String owner, @Param("before") Instant before);

  /** Runs of any instance still RUNNING whose last progress was before {@code before}. */
  @Query(
      """
      select r.id from IngestionRun r
      where r.status = io.realtimestreaming.ingest.run.RunStatus.RUNNING and r.updatedAt < :before
      """)
  List<UUID> findRunningNotUpdatedSince(@Param("before") Instant before);

  /** Ends a RUNNING run; answers 0 if it had ended already. */
  @Transactional
  @Modifying
  @Query(
      """
      update IngestionRun r set r.status = :status, r.error = :error, r.finishedAt = :now,
          r.updatedAt = :now
      where r.id = :id and r.status = io.realtimestreaming.ingest.run.RunStatus.RUNNING
      """)
  int finish(
      @Param("id") UUID id,
      @Param("status") RunStatus status,
      @Param("error") String error,
      @Param("now") Instant now);
}
