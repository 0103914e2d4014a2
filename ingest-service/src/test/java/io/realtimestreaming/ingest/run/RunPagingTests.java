package io.realtimestreaming.ingest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class RunPagingTests {

  @Test
  void splitsIntoFullPagesAndARemainder() {
    RunPaging paging = new RunPaging(12_000, 5000);

    assertThat(paging.pages()).isEqualTo(3);
    assertThat(paging.resultsOn(1)).isEqualTo(5000);
    assertThat(paging.resultsOn(2)).isEqualTo(5000);
    assertThat(paging.resultsOn(3)).isEqualTo(2000);
  }

  @Test
  void anExactMultipleHasNoRemainderPage() {
    RunPaging paging = new RunPaging(10_000, 5000);

    assertThat(paging.pages()).isEqualTo(2);
    assertThat(paging.resultsOn(2)).isEqualTo(5000);
  }

  @Test
  void aSmallRunIsOnePage() {
    assertThat(new RunPaging(1, 5000).pages()).isEqualTo(1);
    assertThat(new RunPaging(1, 5000).resultsOn(1)).isEqualTo(1);
  }

  @Test
  void refusesPagesOutsideTheRun() {
    assertThatIllegalArgumentException().isThrownBy(() -> new RunPaging(10, 5).resultsOn(3));
    assertThatIllegalArgumentException().isThrownBy(() -> new RunPaging(0, 5));
  }
}
