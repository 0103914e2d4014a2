package io.realtimestreaming.bench.latency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The report's "JIT compilations while measured" line, read from real JVMs. */
class JitActivityTests {

  @Test
  void countsWhatEachJvmCompiledSinceTheWarmUpEnded() {
    long self = ProcessHandle.current().pid();
    JitActivity jit = JitActivity.measuredAfter(0, self, self);

    String line = jit.describe(2);

    assertThat(line)
        .startsWith("JIT compilations while measured (HotSpot's sun.ci.totalCompiles, over 2 s)")
        .matches(
            ".*ingest service [\\d,]+ \\(\\d+ a second\\), stream job [\\d,]+ \\(\\d+ a second\\)\\.");
  }

  @Test
  void aJvmThatCannotBeReadIsSaidSo() {
    long self = ProcessHandle.current().pid();
    JitActivity jit = JitActivity.measuredAfter(0, self, Long.MAX_VALUE / 2);

    assertThat(jit.describe(2)).contains("ingest service ").endsWith("stream job not read.");
  }
}
