package io.realtimestreaming.stream.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuerySupervisorTests {

  @Test
  void sparksDataLossVerdictIsFoundAnywhereInTheChainWithItsReason() {
    RuntimeException spark =
        new IllegalStateException(
            "Some data may have been lost because they are not available in Kafka any more;\n"
                + "either the data was aged out by Kafka or the topic may have been deleted.\n"
                + "Reason: Partition users_created-0 offset was changed from 55351 to 0.\n"
                + "This could be either 1) a user error ...");

    assertThat(QuerySupervisor.sparkDataLoss(new RuntimeException("query failed", spark)))
        .hasValue("Partition users_created-0 offset was changed from 55351 to 0.");
  }

  @Test
  void anOutageIsNoDataLoss() {
    assertThat(
            QuerySupervisor.sparkDataLoss(
                new RuntimeException(
                    "batch failed",
                    new IllegalStateException("No node was available to execute the query"))))
        .isEmpty();
  }
}
