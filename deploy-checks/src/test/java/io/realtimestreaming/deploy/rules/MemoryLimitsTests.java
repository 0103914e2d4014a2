package io.realtimestreaming.deploy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.deploy.compose.ComposeFile;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class MemoryLimitsTests {

  @Test
  void passesWhenEveryLimitLeavesRoomBeyondTheHeap() {
    ComposeFile compose =
        ComposeFile.parse(
            """
            services:
              ingest: {image: "a:1.0", mem_limit: 768m, environment: {JAVA_TOOL_OPTIONS: -Xms384m -Xmx384m}}
              cassandra: {image: "a:1.0", mem_limit: "${LIMIT:-2560m}",
                          environment: {MAX_HEAP_SIZE: "${HEAP:-1G}"}}
              python: {image: "a:1.0", deploy: {resources: {limits: {memory: 256m}}}}
            """);

    assertThat(MemoryLimits.check(compose)).isEmpty();
  }

  @Test
  void flagsAServiceWithoutALimit() {
    ComposeFile compose = ComposeFile.parse("services: {app: {image: \"a:1.0\"}}");

    assertThat(MemoryLimits.check(compose))
        .containsExactly(
            new Violation(
                MemoryLimits.RULE,
                "app",
                "has no memory limit: set mem_limit, sized from the heaps it runs"));
  }

  @Test
  void flagsALimitTooCloseToTheLargestHeap() {
    ComposeFile compose =
        ComposeFile.parse(
            """
            services:
              broker: {image: "a:1.0", mem_limit: 600m,
                       environment: {KAFKA_HEAP_OPTS: -Xms512m -Xmx512m, OTHER: -Xmx128m}}
              driver: {image: "a:1.0", mem_limit: 1g, environment: {SPARK_DRIVER_MEMORY: 1g}}
            """);

    assertThat(MemoryLimits.check(compose))
        .extracting(Violation::subject, Violation::problem)
        .containsExactly(
            Tuple.tuple(
                "broker",
                "mem_limit 600m leaves too little beyond its heap of 512m: give it at least 768m"),
            Tuple.tuple(
                "driver",
                "mem_limit 1g leaves too little beyond its heap of 1024m: give it at least"
                    + " 1536m"));
  }

  @Test
  void flagsALimitThatIsNoSize() {
    ComposeFile compose =
        ComposeFile.parse("services: {app: {image: \"a:1.0\", mem_limit: \"${LIMIT:?set it}\"}}");

    assertThat(MemoryLimits.check(compose)).extracting(Violation::subject).containsExactly("app");
  }
}
