package io.realtimestreaming.devstack.service;

import io.realtimestreaming.devstack.stack.JavaCommand;
import io.realtimestreaming.devstack.stack.Runtimes;
import io.realtimestreaming.devstack.stack.ServiceSpec;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The cluster topology's Spark standalone master (7077, its UI on 9090 as in compose). */
final class SparkMasterSpec implements ServiceSpec {

  @Override
  public String role() {
    return "Spark master";
  }

  @Override
  public String name() {
    return "spark-master";
  }

  @Override
  public String address(StackSettings s) {
    return masterUrl(s);
  }

  @Override
  public List<Integer> ports(StackSettings s) {
    return List.of(s.port(name()), s.port("spark-master-ui"));
  }

  @Override
  public List<String> prepare(StackSettings s, Runtimes runtimes) throws IOException {
    SparkHome.of(s, runtimes);
    return JavaCommand.forService(s, runtimes, name())
        .jvm("@" + s.repoRoot().resolve("stream-job/jvm.options"))
        .classpath(runtimes.classpath("spark"))
        .main(
            "org.apache.spark.deploy.master.Master",
            "--host",
            s.host(),
            "--port",
            Integer.toString(s.port(name())),
            "--webui-port",
            Integer.toString(s.port("spark-master-ui")));
  }

  @Override
  public Map<String, String> environment(StackSettings s) {
    return Map.of("SPARK_LOCAL_IP", s.host(), "SPARK_HOME", SparkWorkerSpec.sparkHome(s));
  }

  /** Ready when its UI's JSON says ALIVE. */
  @Override
  public boolean isReady(StackSettings s) {
    return HttpProbe.body(uiUrl(s) + "/json/")
        .map(json -> json.matches("(?s).*\"status\"\\s*:\\s*\"ALIVE\".*"))
        .orElse(false);
  }

  static String masterUrl(StackSettings s) {
    return "spark://" + s.host() + ":" + s.port("spark-master");
  }

  static String uiUrl(StackSettings s) {
    return "http://" + s.host() + ":" + s.port("spark-master-ui");
  }
}
