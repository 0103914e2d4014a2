package io.realtimestreaming.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.realtimestreaming.bench.BenchPlan.Suite;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchPlanTests {

  private static BenchPlan plan(int users, int rounds, int runs, int perSecond, int perRequest) {
    return plan(users, rounds, runs, perSecond, perRequest, 3.0);
  }

  private static BenchPlan plan(
      int users, int rounds, int runs, int perSecond, int perRequest, double settleLoad) {
    return new BenchPlan(
        EnumSet.allOf(Suite.class),
        users,
        rounds,
        runs,
        perSecond,
        perRequest,
        30,
        10,
        List.of(),
        List.of(),
        false,
        18388,
        4041,
        settleLoad);
  }

  @Test
  void spreadsTheOfferedLoadEvenlyAtTheRequestsGranularity() {
    assertThat(plan(200_000, 3, 2, 1000, 100).requestIntervalMillis()).isEqualTo(100);
    assertThat(plan(200_000, 3, 2, 1000, 10).requestIntervalMillis()).isEqualTo(10);
  }

  @Test
  void needsThreeRoundsForASpread() {
    assertThatThrownBy(() -> plan(200_000, 2, 2, 1000, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--rounds");
  }

  @Test
  void needsRunsTheApiTakes() {
    assertThatThrownBy(() -> plan(300_000, 3, 2, 1000, 100))
        .hasMessageContaining("at most 100,000");
    assertThatThrownBy(() -> plan(200_001, 3, 2, 1000, 100))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void needsAWholeNumberOfMillisecondsBetweenRequests() {
    assertThatThrownBy(() -> plan(200_000, 3, 2, 3000, 100))
        .hasMessageContaining("whole number of milliseconds");
  }

  @Test
  void warmsUpOnAQuarterOfARoundAtMost50000() {
    assertThat(plan(200_000, 3, 2, 1000, 100).warmUpUsers()).isEqualTo(50_000);
    assertThat(plan(20_000, 3, 2, 1000, 100).warmUpUsers()).isEqualTo(5_000);
  }

  @Test
  void theStreamWarmsUpOnOneRoundMore() {
    assertThat(plan(200_000, 3, 2, 1000, 100).streamWarmUpRows()).isEqualTo(250_000);
    assertThat(plan(20_000, 3, 2, 1000, 100).streamWarmUpRows()).isEqualTo(25_000);
  }

  @Test
  void aNegativeSettleLoadIsRefused() {
    assertThatThrownBy(() -> plan(200_000, 3, 2, 1000, 100, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--settle-load");
  }
}
