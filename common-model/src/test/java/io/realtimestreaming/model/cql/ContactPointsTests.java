package io.realtimestreaming.model.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactPointsTests {

  @Test
  void eachHostAndPortIsAnAddress() {
    assertThat(ContactPoints.parse(List.of("127.0.0.2:9042", " localhost : 9043 ")))
        .containsExactly(
            new InetSocketAddress("127.0.0.2", 9042), new InetSocketAddress("localhost", 9043));
  }

  @Test
  void aContactPointWithoutAPortIsNamed() {
    assertThatThrownBy(() -> ContactPoints.parse(List.of("cassandra")))
        .hasMessageContaining("'cassandra' is not host:port");
    assertThatThrownBy(() -> ContactPoints.parse(List.of("cassandra:nine")))
        .hasMessageContaining("'cassandra:nine'");
    assertThatThrownBy(() -> ContactPoints.parse(List.of("cassandra:70000")))
        .hasMessageContaining("'cassandra:70000'");
  }
}
