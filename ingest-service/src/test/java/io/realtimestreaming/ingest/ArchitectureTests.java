package io.realtimestreaming.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The service's packages and which way they depend, checked on the compiled main classes. {@code
 * api} maps HTTP to the use cases and back; {@code reconcile} accounts for a run end to end; {@code
 * run} executes a run (fetch a page, store its users with their outbox rows); {@code users}, {@code
 * outbox} and {@code randomuser} each own one table or one upstream and know nothing of runs;
 * {@code logging} is named only in logback's configuration. A new package needs its place in {@link
 * #layers}, or this test fails.
 */
@AnalyzeClasses(
    packages = "io.realtimestreaming.ingest",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  private static final String ROOT = "io.realtimestreaming.ingest";

  @ArchTest
  static final ArchRule layers =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .ensureAllClassesAreContainedInArchitecture()
          .layer("Application")
          .definedBy(ROOT)
          .layer("Api")
          .definedBy(ROOT + ".api..")
          .layer("Reconcile")
          .definedBy(ROOT + ".reconcile..")
          .layer("Run")
          .definedBy(ROOT + ".run..")
          .layer("Users")
          .definedBy(ROOT + ".users..")
          .layer("Outbox")
          .definedBy(ROOT + ".outbox..")
          .layer("RandomUser")
          .definedBy(ROOT + ".randomuser..")
          .layer("Logging")
          .definedBy(ROOT + ".logging..")
          .whereLayer("Application")
          .mayNotAccessAnyLayer()
          .whereLayer("Api")
          .mayOnlyAccessLayers("Reconcile", "Run", "Users")
          .whereLayer("Reconcile")
          .mayOnlyAccessLayers("Run", "Users", "Outbox")
          .whereLayer("Run")
          .mayOnlyAccessLayers("Users", "Outbox", "RandomUser")
          .whereLayer("Users")
          .mayNotAccessAnyLayer()
          .whereLayer("Outbox")
          .mayNotAccessAnyLayer()
          .whereLayer("RandomUser")
          .mayNotAccessAnyLayer()
          .whereLayer("Logging")
          .mayNotAccessAnyLayer()
          .as("api -> reconcile -> run -> users/outbox/randomuser, never back");

  @ArchTest
  static final ArchRule nothingDependsOnTheApi =
      noClasses()
          .that()
          .resideOutsideOfPackage(ROOT + ".api..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(ROOT + ".api..")
          .because("the API maps requests onto the use cases; no use case may depend on its shape");

  @ArchTest
  static final ArchRule noCycles = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();
}
