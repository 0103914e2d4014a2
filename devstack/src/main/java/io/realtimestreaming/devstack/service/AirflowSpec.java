package io.realtimestreaming.devstack.service;

import io.realtimestreaming.devstack.stack.Runtimes;
import io.realtimestreaming.devstack.stack.ServiceSpec;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Airflow 3 ({@code airflow standalone}: API server and UI, scheduler, DAG processor, triggerer)
 * from the project venv, with the DAG folder airflow/dags and connections aimed at this stack. The
 * venv is made from airflow/requirements-lock.txt by airflow/install-venv.sh on first use
 * (minutes). Sign in with {@code PIPELINE_AIRFLOW_USER} / {@code PIPELINE_AIRFLOW_PASSWORD} (admin
 * / admin).
 */
final class AirflowSpec implements ServiceSpec {

  @Override
  public String role() {
    return "scheduler, API";
  }

  @Override
  public String name() {
    return "airflow";
  }

  @Override
  public String address(StackSettings s) {
    return baseUrl(s);
  }

  @Override
  public boolean infrastructure() {
    return false;
  }

  @Override
  public Duration startTimeout() {
    return Duration.ofSeconds(300);
  }

  @Override
  public List<String> prepare(StackSettings s, Runtimes runtimes) throws IOException {
    installVenv(s);
    Path home = s.dataDir(name());
    Files.createDirectories(home);
    // written on every start, so the login is always the configured one
    Files.writeString(passwordsFile(s), "{\"" + user() + "\": \"" + password() + "\"}\n");
    return List.of(venv(s).resolve("bin/airflow").toString(), "standalone");
  }

  @Override
  public Map<String, String> environment(StackSettings s) {
    String ingestKey = s.ingestApiKey();
    return Map.ofEntries(
        Map.entry("AIRFLOW_HOME", s.dataDir(name()).toString()),
        Map.entry("PATH", venv(s).resolve("bin") + ":" + System.getenv().getOrDefault("PATH", "")),
        Map.entry("AIRFLOW__CORE__DAGS_FOLDER", s.repoRoot().resolve("airflow/dags").toString()),
        Map.entry("AIRFLOW__CORE__LOAD_EXAMPLES", "False"),
        // as in docker-compose.yml: the hourly schedule runs once the DAG is parsed
        Map.entry("AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION", "False"),
        // LocalExecutor forks one ~130 MB worker per slot up front: 32 by default
        Map.entry("AIRFLOW__CORE__PARALLELISM", "4"),
        Map.entry("AIRFLOW__API__HOST", s.host()),
        Map.entry("AIRFLOW__API__PORT", Integer.toString(s.port(name()))),
        Map.entry("AIRFLOW__API__WORKERS", "1"),
        Map.entry("AIRFLOW__API__BASE_URL", baseUrl(s)),
        Map.entry("AIRFLOW__CORE__EXECUTION_API_SERVER_URL", baseUrl(s) + "/execution/"),
        // "user:role"; the password is in the passwords file prepare() writes
        Map.entry("AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS", user() + ":admin"),
        Map.entry("AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE", passwordsFile(s).toString()),
        Map.entry(
            "AIRFLOW_CONN_INGEST_API",
            "{\"conn_type\": \"http\", \"host\": \""
                + s.host()
                + "\", \"port\": "
                + s.port(s.topology().ingestInstances().get(0))
                + ", \"schema\": \"http\", \"password\": \""
                + ingestKey
                + "\"}"),
        // the DAG asks health at the actuator's own port, as in compose
        Map.entry(
            "AIRFLOW_CONN_INGEST_MANAGEMENT",
            "{\"conn_type\": \"http\", \"host\": \""
                + s.host()
                + "\", \"port\": "
                + s.port(s.topology().ingestInstances().get(0) + "-management")
                + ", \"schema\": \"http\"}"),
        Map.entry(
            "AIRFLOW_CONN_CASSANDRA_DEFAULT",
            "{\"conn_type\": \"cassandra\", \"host\": \""
                // the provider's hook takes the ring's nodes comma-separated, on one port
                + String.join(",", s.topology().cassandraNodes().stream().map(s::host).toList())
                + "\", \"port\": "
                + s.port(s.topology().cassandraNodes().get(0))
                + ", \"schema\": \"spark_streams\"}"));
  }

  /** Ready when the API server answers its health endpoint (it reports the other components). */
  @Override
  public boolean isReady(StackSettings s) {
    return HttpProbe.answers200(baseUrl(s) + "/api/v2/monitor/health");
  }

  @Override
  public void afterReady(StackSettings s) {
    System.out.println(
        "airflow: UI " + baseUrl(s) + " (sign in as " + user() + " / " + password() + ")");
  }

  /** Creates or updates the venv; prints pip's progress, since the first install takes minutes. */
  private static void installVenv(StackSettings s) throws IOException {
    Path script = s.repoRoot().resolve("airflow/install-venv.sh");
    ProcessBuilder builder =
        new ProcessBuilder(script.toString())
            .directory(s.repoRoot().toFile())
            .inheritIO()
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().put("PIPELINE_HOME", s.home().toString());
    Process process = builder.start();
    try {
      if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException(
            "installing the Airflow venv failed ("
                + script
                + "); is PyPI reachable? is python3.11"
                + " (or PIPELINE_PYTHON) installed? see "
                + venv(s).resolve("pip-install.log"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted installing the Airflow venv", e);
    }
  }

  private static Path venv(StackSettings s) {
    return s.home().resolve("venv/airflow");
  }

  private Path passwordsFile(StackSettings s) {
    return s.dataDir(name()).resolve("simple_auth_manager_passwords.json");
  }

  private static String user() {
    return System.getenv().getOrDefault("PIPELINE_AIRFLOW_USER", "admin");
  }

  private static String password() {
    return System.getenv().getOrDefault("PIPELINE_AIRFLOW_PASSWORD", "admin");
  }

  private String baseUrl(StackSettings s) {
    return "http://" + s.host() + ":" + s.port(name());
  }
}
