package io.realtimestreaming.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.devstack.stack.Topology;
import org.junit.jupiter.api.Test;

class UpCommandTests {

  @Test
  void aStaleClusterMarkerStartsTheSingleTopology() {
    // the machine restarted while the cluster ran: the marker says cluster, nothing runs
    assertThat(UpCommand.toStart(null, null, Topology.CLUSTER, false)).isEqualTo(Topology.SINGLE);
  }

  @Test
  void theRunningTopologyIsKept() {
    assertThat(UpCommand.toStart(null, null, Topology.CLUSTER, true)).isEqualTo(Topology.CLUSTER);
  }

  @Test
  void whatIsAskedForWinsOptionFirst() {
    assertThat(UpCommand.toStart("cluster", null, Topology.SINGLE, false))
        .isEqualTo(Topology.CLUSTER);
    assertThat(UpCommand.toStart(null, "cluster", Topology.CLUSTER, false))
        .isEqualTo(Topology.CLUSTER);
    assertThat(UpCommand.toStart("single", "cluster", Topology.CLUSTER, false))
        .isEqualTo(Topology.SINGLE);
  }
}
