package io.realtimestreaming.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CpuTicksTests {

  @Test
  void idleAndIoWaitAreNotBusyAndGuestTimeIsNotCountedTwice() {
    // user nice system idle iowait irq softirq steal guest guest_nice
    CpuTicks ticks = CpuTicks.parse("cpu  100 10 50 800 40 0 5 5 70 0").orElseThrow();

    assertThat(ticks.total()).isEqualTo(1010);
    assertThat(ticks.busy()).isEqualTo(170);
  }

  @Test
  void busySinceIsTheShareOfTheTicksBetweenTwoReadings() {
    CpuTicks before = CpuTicks.parse("cpu 100 0 100 800 0 0 0 0 0 0").orElseThrow();
    CpuTicks after = CpuTicks.parse("cpu 200 0 200 850 0 0 0 0 0 0").orElseThrow();

    assertThat(after.busySince(before)).isCloseTo(0.8, within(1e-9));
    assertThat(after.busySince(after)).isZero();
  }

  @Test
  void aLineThatIsNotTheMachinesTotalIsNotRead() {
    assertThat(CpuTicks.parse("cpu0 1 2 3 4 5 6 7 8 9 10")).isEmpty();
    assertThat(CpuTicks.parse("cpu 1 2 3")).isEmpty();
    assertThat(CpuTicks.parse("cpu 1 2 x 4 5 6 7 8 9 10")).isEmpty();
  }

  @Test
  void readsThisMachinesCountersWhereItHasThem() {
    assumeTrue(Files.isReadable(Path.of("/proc/stat")), "not Linux");

    CpuTicks now = CpuTicks.now().orElseThrow();
    assertThat(now.total()).isPositive();
    assertThat(now.busy()).isBetween(0L, now.total());
  }
}
