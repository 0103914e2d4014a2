package io.realtimestreaming.devstack.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.realtimestreaming.devstack.stack.JavaCommand;
import io.realtimestreaming.devstack.stack.Runtimes;
import io.realtimestreaming.devstack.stack.ServiceSpec;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A Spark standalone worker of the cluster topology: one core and 1 GB for executors, under the
 * master. It launches the stream job's executors from the devstack's {@link SparkHome}.
 */
final class SparkWorkerSpec implements ServiceSpec {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;

  SparkWorkerSpec(String name) {
    this.name = name;
  }

  @Override
  public String role() {
    return "Spark worker, 1 core";
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String address(StackSettings s) {
    return "http://" + s.host() + ":" + s.port(name);
  }

  @Override
  public List<String> dependsOn() {
    return List.of("spark-master");
  }

  @Override
  public List<String> prepare(StackSettings s, Runtimes runtimes) throws IOException {
    SparkHome.of(s, runtimes);
    return JavaCommand.forService(s, runtimes, name)
        .jvm("@" + s.repoRoot().resolve("stream-job/jvm.options"))
        .classpath(runtimes.classpath("spark"))
        .main(
            "org.apache.spark.deploy.worker.Worker",
            SparkMasterSpec.masterUrl(s),
            "--host",
            s.host(),
            "--cores",
            "1",
            "--memory",
            "1g",
            "--webui-port",
            Integer.toString(s.port(name)),
            "--work-dir",
            s.dataDir(name).resolve("work").toString());
  }

  @Override
  public Map<String, String> environment(StackSettings s) {
    // Spark's launcher asks for the Scala version when it builds an executor's classpath; a
    // distribution says so in its RELEASE file, the devstack's folder here
    return Map.of(
        "SPARK_LOCAL_IP", s.host(), "SPARK_HOME", sparkHome(s), "SPARK_SCALA_VERSION", "2.13");
  }

  /** Ready when the master lists this worker ALIVE. */
  @Override
  public boolean isReady(StackSettings s) {
    String ui = ":" + s.port(name);
    return HttpProbe.body(SparkMasterSpec.uiUrl(s) + "/json/")
        .flatMap(SparkWorkerSpec::json)
        .map(
            master -> {
              for (JsonNode worker : master.path("workers")) {
                if (worker.path("webuiaddress").asText().endsWith(ui)
                    && worker.path("state").asText().equals("ALIVE")) {
                  return true;
                }
              }
              return false;
            })
        .orElse(false);
  }

  private static java.util.Optional<JsonNode> json(String body) {
    try {
      return java.util.Optional.of(JSON.readTree(body));
    } catch (java.io.IOException e) {
      return java.util.Optional.empty();
    }
  }

  static String sparkHome(StackSettings s) {
    return s.runtimesDir().resolve("spark-home").toString();
  }
}
