package io.realtimestreaming.stream;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The job's packages and which way they depend, checked on the compiled main classes. Records flow
 * decode -> batch -> sink, and the code depends the same way round: {@code batch} runs a
 * micro-batch's partition with what {@code decode}, {@code sink} and {@code dlq} offer, and neither
 * end knows the other or the batch. {@code dlq} builds a dead letter from a decoding's outcome, so
 * it may use {@code decode}. {@code settings} holds what the job is told (flags, targets), used by
 * all and using nothing of the job. A new package needs its place in {@link #layers}, or this test
 * fails.
 */
@AnalyzeClasses(
    packages = "io.realtimestreaming.stream",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  private static final String ROOT = "io.realtimestreaming.stream";

  @ArchTest
  static final ArchRule layers =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .ensureAllClassesAreContainedInArchitecture()
          .layer("Job")
          .definedBy(ROOT)
          .layer("Batch")
          .definedBy(ROOT + ".batch..")
          .layer("Decode")
          .definedBy(ROOT + ".decode..")
          .layer("Dlq")
          .definedBy(ROOT + ".dlq..")
          .layer("Sink")
          .definedBy(ROOT + ".sink..")
          .layer("Health")
          .definedBy(ROOT + ".health..")
          .layer("Lag")
          .definedBy(ROOT + ".lag..")
          .layer("Checkpoint")
          .definedBy(ROOT + ".checkpoint..")
          .layer("Settings")
          .definedBy(ROOT + ".settings..")
          .whereLayer("Job")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Batch")
          .mayOnlyAccessLayers("Decode", "Dlq", "Sink", "Health", "Settings")
          .whereLayer("Dlq")
          .mayOnlyAccessLayers("Decode", "Settings")
          .whereLayer("Sink")
          .mayOnlyAccessLayers("Settings")
          .whereLayer("Decode")
          .mayNotAccessAnyLayer()
          .whereLayer("Health")
          .mayNotAccessAnyLayer()
          .whereLayer("Lag")
          .mayNotAccessAnyLayer()
          .whereLayer("Checkpoint")
          .mayNotAccessAnyLayer()
          .whereLayer("Settings")
          .mayNotAccessAnyLayer()
          .as("job -> batch -> decode/dlq/sink -> settings, never back");

  @ArchTest
  static final ArchRule noCycles = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();
}
