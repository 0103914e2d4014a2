package io.realtimestreaming.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class ProcessesTests {

  @Test
  void aJavaListenerOnLoopbackIsFoundOnItsAddressOnly() throws Exception {
    // a Java server socket is an IPv6 socket: /proc/net/tcp6 shows ::ffff:127.0.0.1
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = socket.getLocalPort();

      assertThat(Processes.listenerOf("127.0.0.1", port))
          .hasValueSatisfying(
              owner -> assertThat(owner.pid()).isEqualTo(ProcessHandle.current().pid()));
      assertThat(Processes.listenerOf("127.0.0.2", port)).isEmpty();
    }
  }

  @Test
  void anAddressIsHeldByItsOwnListenerAnIpv4MappedOneOrAWildcard() {
    String loopback = "0100007F"; // 127.0.0.1, little-endian

    assertThat(Processes.onHost("0100007F", loopback)).isTrue();
    assertThat(Processes.onHost("0000000000000000FFFF00000100007F", loopback)).isTrue();
    assertThat(Processes.onHost("00000000", loopback)).isTrue();
    assertThat(Processes.onHost("00000000000000000000000000000000", loopback)).isTrue();
    assertThat(Processes.onHost("0200007F", loopback)).isFalse();
    assertThat(Processes.onHost("0000000000000000FFFF00000200007F", loopback)).isFalse();
  }
}
