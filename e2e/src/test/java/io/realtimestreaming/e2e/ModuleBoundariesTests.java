package io.realtimestreaming.e2e;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the modules may use of each other, checked on the classes the reactor compiled before this
 * module (e2e builds last; alone, it needs the others built first: {@code ./mvnw test-compile}).
 *
 * <p>Each module's classes live under its own package, so no module reaches another's
 * package-private internals by declaring itself in the same package: devstack, deploy-checks and
 * e2e use common-model through its public types only. The ingest service and the stream job are
 * used by no other module's code at all: everything else reaches them as production does, over
 * HTTP, Kafka and Cassandra, or runs their jars.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModuleBoundariesTests {

  /** Every module of the root pom, and the package its classes live under. */
  static final Map<String, String> PACKAGES =
      Map.of(
          "common-model", "io.realtimestreaming.model",
          "randomuser-local", "io.realtimestreaming.randomuser",
          "test-support", "io.realtimestreaming.testing",
          "devstack", "io.realtimestreaming.devstack",
          "ingest-service", "io.realtimestreaming.ingest",
          "stream-job", "io.realtimestreaming.stream",
          "deploy-checks", "io.realtimestreaming.deploy",
          "bench", "io.realtimestreaming.bench",
          "e2e", "io.realtimestreaming.e2e");

  /**
   * The classes the benchmarks run as raw baselines: the service's own page statement and the
   * sink's own writer, so a baseline measures the component with the very code the pipeline runs.
   */
  static final List<String> BASELINE_CODE =
      List.of(
          "io.realtimestreaming.ingest.users.UserPageUpsert",
          "io.realtimestreaming.ingest.users.FetchedUser",
          "io.realtimestreaming.stream.sink.CassandraUserWriter",
          "io.realtimestreaming.stream.sink.CassandraSessions",
          "io.realtimestreaming.stream.sink.CassandraSchema",
          "io.realtimestreaming.stream.settings.CassandraTarget");

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** Every module's classes, imported once for all the tests of this class. */
  private JavaClasses all;

  @BeforeAll
  void importEveryModule() {
    all =
        new ClassFileImporter()
            .importPaths(PACKAGES.keySet().stream().flatMap(m -> compiled(m).stream()).toList());
  }

  @Test
  void everyModuleOfTheBuildHasItsPackage() throws IOException {
    List<String> modules = new ArrayList<>();
    Matcher module =
        Pattern.compile("<module>([^<]+)</module>")
            .matcher(Files.readString(ROOT.resolve("pom.xml")));
    while (module.find()) {
      modules.add(module.group(1));
    }

    assertThat(PACKAGES.keySet()).containsExactlyInAnyOrderElementsOf(modules);
  }

  List<String> modules() {
    return List.copyOf(PACKAGES.keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modules")
  void aModulesClassesLiveInItsOwnPackage(String module) {
    classes()
        .should()
        .resideInAPackage(PACKAGES.get(module) + "..")
        .because("a class in another module's package could use that module's internals")
        .check(all.that(compiledIn(module)));
  }

  @Test
  void onlyTheIngestServiceUsesItsCode() {
    usedByItsModuleOnly("io.realtimestreaming.ingest").check(all);
  }

  @Test
  void onlyTheStreamJobUsesItsCode() {
    usedByItsModuleOnly("io.realtimestreaming.stream").check(all);
  }

  @Test
  void theBenchmarksUseOnlyTheCodeTheyRunAsBaselines() {
    noClasses()
        .that()
        .resideInAPackage(PACKAGES.get("bench") + "..")
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "belong to the ingest service or the stream job and are not a baseline's code",
                c ->
                    (c.getPackageName().startsWith("io.realtimestreaming.ingest")
                            || c.getPackageName().startsWith("io.realtimestreaming.stream"))
                        && !BASELINE_CODE.contains(c.getName())))
        .because("a benchmark drives the deployables as jars; it links only what it runs raw")
        .check(all);
  }

  private static ArchRule usedByItsModuleOnly(String root) {
    return noClasses()
        .that()
        .resideOutsideOfPackages(root + "..", PACKAGES.get("bench") + "..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(root + "..")
        .because("a deployable is reached over the network or run as a jar, not linked against");
  }

  private static DescribedPredicate<JavaClass> compiledIn(String module) {
    Path dir = ROOT.resolve(module);
    return DescribedPredicate.describe(
        "compiled in " + module,
        c -> c.getSource().map(s -> Path.of(s.getUri()).startsWith(dir)).orElse(false));
  }

  /** The module's main and test classes, which must have been compiled. */
  private static List<Path> compiled(String module) {
    List<Path> dirs = new ArrayList<>();
    for (String kind : List.of("main", "test")) {
      if (Files.isDirectory(ROOT.resolve(module).resolve("src").resolve(kind))) {
        Path classes =
            ROOT.resolve(module)
                .resolve(kind.equals("main") ? "target/classes" : "target/test-classes");
        assertThat(classes)
            .as("compiled classes of %s: build the modules first (./mvnw test-compile)", module)
            .isDirectory();
        dirs.add(classes);
      }
    }
    return dirs;
  }
}
