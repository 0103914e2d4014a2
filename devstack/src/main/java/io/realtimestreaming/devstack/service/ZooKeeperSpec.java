package io.realtimestreaming.devstack.service;

import io.realtimestreaming.devstack.stack.ConfigTemplate;
import io.realtimestreaming.devstack.stack.JavaCommand;
import io.realtimestreaming.devstack.stack.Runtimes;
import io.realtimestreaming.devstack.stack.ServiceSpec;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** ZooKeeper 3.8.4, the coordinator Kafka 3.9 runs on in ZooKeeper mode (as Confluent 7.9 does). */
final class ZooKeeperSpec implements ServiceSpec {

  @Override
  public String role() {
    return "coordinator";
  }

  @Override
  public String name() {
    return "zookeeper";
  }

  @Override
  public String address(StackSettings s) {
    return s.host() + ":" + s.port(name());
  }

  @Override
  public List<String> prepare(StackSettings s, Runtimes runtimes) throws IOException {
    Path config =
        ConfigTemplate.writeText(
            s,
            "zoo.cfg",
            String.join(
                "\n",
                "tickTime=2000",
                "dataDir=" + s.dataDir(name()),
                "clientPort=" + s.port(name()),
                "clientPortAddress=" + s.host(),
                "maxClientCnxns=0",
                "admin.enableServer=false",
                "4lw.commands.whitelist=ruok,srvr,stat",
                ""));
    Path log4j = ConfigTemplate.write(s, "kafka-log4j.properties", Map.of());
    return JavaCommand.forService(s, runtimes, name())
        .jvm("-Dlog4j.configuration=file:" + log4j, "-Dzookeeper.jmx.log4j.disable=true")
        .classpath(runtimes.classpath("kafka"))
        .main("org.apache.zookeeper.server.quorum.QuorumPeerMain", config.toString());
  }

  /** ZooKeeper's own health word: {@code ruok} answered by {@code imok}. */
  @Override
  public boolean isReady(StackSettings s) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(s.host(), s.port(name())), 500);
      socket.setSoTimeout(1000);
      OutputStream out = socket.getOutputStream();
      out.write("ruok".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII).equals("imok");
    } catch (IOException e) {
      return false;
    }
  }
}
