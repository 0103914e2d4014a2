package io.realtimestreaming.devstack.service;

import io.realtimestreaming.devstack.stack.JavaCommand;
import io.realtimestreaming.devstack.stack.Runtimes;
import io.realtimestreaming.devstack.stack.ServiceSpec;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Apicurio Registry 3.0.9 with its Confluent-compatible API, standing in for Confluent Schema
 * Registry (which is not on Maven Central). It keeps its schemas in the stack's PostgreSQL
 * (database {@value #DATABASE}), as Confluent's keeps them in a Kafka topic: a schema id must mean
 * the same schema after a restart, for the records on the topics still carry it. In memory, ids
 * were handed out again from 1 in whatever order producers re-registered.
 */
final class RegistrySpec implements ServiceSpec {

  /** Created by {@link PostgresSpec}, owned by the stack's PostgreSQL user. */
  static final String DATABASE = "registry";

  @Override
  public String role() {
    return "schema registry";
  }

  @Override
  public String name() {
    return "registry";
  }

  @Override
  public String address(StackSettings s) {
    return s.registryUrl();
  }

  @Override
  public List<String> dependsOn() {
    return List.of("postgres");
  }

  @Override
  public List<String> prepare(StackSettings s, Runtimes runtimes) throws IOException {
    Path dist = runtimes.unpacked("apicurio");
    return JavaCommand.forService(s, runtimes, name())
        .jvm(
            "-Dquarkus.http.port=" + s.port(name()),
            "-Dquarkus.http.host=" + s.host(),
            "-Dquarkus.log.console.color=false",
            "-Dapicurio.storage.kind=sql",
            "-Dapicurio.storage.sql.kind=postgresql",
            "-Dapicurio.datasource.url=" + s.jdbcUrl(DATABASE),
            "-Dapicurio.datasource.username=" + s.postgresUser(),
            "-XX:TieredStopAtLevel=1")
        .main("-jar", dist.resolve("apicurio-registry-app-3.0.9-runner.jar").toString());
  }

  /** Secrets travel in the environment, not on the command line that ps shows. */
  @Override
  public Map<String, String> environment(StackSettings s) {
    return Map.of("APICURIO_DATASOURCE_PASSWORD", s.postgresPassword());
  }

  @Override
  public boolean isReady(StackSettings s) {
    return HttpProbe.answers200(s.registryUrl() + "/subjects");
  }

  /** Apicurio's default compatibility is NONE; the pipeline's contract is BACKWARD. */
  @Override
  public void afterReady(StackSettings s) throws Exception {
    HttpResponse<String> response =
        HttpProbe.put(
            s.registryUrl() + "/config",
            "application/vnd.schemaregistry.v1+json",
            "{\"compatibility\":\"BACKWARD\"}");
    if (response.statusCode() != 200) {
      throw new IOException(
          "setting global compatibility BACKWARD answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
  }
}
