package io.realtimestreaming.deploy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.deploy.compose.EnvFile;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DefaultSecretsTests {

  private static final List<String> SECRETS =
      List.of("INGEST_API_KEY", "POSTGRES_PASSWORD", "AIRFLOW_JWT_SECRET");

  private static final String STRONG =
      "INGEST_API_KEY=Qx3v9Lr2Tz8Wm4Nc7Bp1Hs6Jd5Kf0Ga2Ye8Ui3Oo\n"
          + "POSTGRES_PASSWORD=vR7nK2pX9sL4wQ8zT1mB6cJ3\n"
          + "AIRFLOW_JWT_SECRET=aM5tG8yH2kD9fS4qW7eR1uI3\n";

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "LOCALHOST", ""})
  void passesAnythingOnALoopbackAddress(String address) {
    EnvFile env =
        EnvFile.parse(
            "PUBLISH_ADDRESS="
                + address
                + "\nINGEST_API_KEY=dev-ingest-key\nPOSTGRES_PASSWORD=postgres\n"
                + "AIRFLOW_JWT_SECRET=\n");

    assertThat(DefaultSecrets.check(env, SECRETS)).isEmpty();
  }

  @Test
  void passesWhenPublishAddressIsUnset() {
    assertThat(DefaultSecrets.check(EnvFile.parse("POSTGRES_PASSWORD=postgres\n"), SECRETS))
        .isEmpty();
  }

  @Test
  void passesStrongSecretsOnAnyAddress() {
    assertThat(DefaultSecrets.check(EnvFile.parse("PUBLISH_ADDRESS=0.0.0.0\n" + STRONG), SECRETS))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "postgres",
        "ingest",
        "airflow",
        "admin",
        "Admin",
        "change-me",
        "changeme",
        "dev-ingest-key",
        "dev-airflow-jwt-secret-change-me",
        "dev-whatever-else-of-any-length-at-all",
        "please-change-me-before-production"
      })
  void refusesAKnownDefaultOnAnotherAddress(String value) {
    EnvFile env =
        EnvFile.parse(
            "PUBLISH_ADDRESS=0.0.0.0\n"
                + STRONG.replaceFirst("(?m)^POSTGRES_PASSWORD=.*$", "POSTGRES_PASSWORD=" + value));

    assertThat(DefaultSecrets.check(env, SECRETS))
        .extracting(Violation::subject, v -> v.problem().startsWith("is a known default"))
        .containsExactly(Tuple.tuple("POSTGRES_PASSWORD", true));
  }

  @Test
  void refusesEmptyMissingAndShortSecrets() {
    EnvFile env =
        EnvFile.parse(
            "PUBLISH_ADDRESS=192.168.1.20\nINGEST_API_KEY=k7Hq2Lx9Vb4Nm8Tz1Wc5Rp3Yd6\n"
                + "POSTGRES_PASSWORD=\n");

    assertThat(DefaultSecrets.check(env, SECRETS))
        .extracting(Violation::subject, Violation::problem)
        .containsExactly(
            Tuple.tuple(
                "INGEST_API_KEY", "has 26 characters, fewer than 32" + tail("192.168.1.20")),
            Tuple.tuple("POSTGRES_PASSWORD", "is empty" + tail("192.168.1.20")),
            Tuple.tuple("AIRFLOW_JWT_SECRET", "is empty" + tail("192.168.1.20")));
  }

  private static String tail(String address) {
    return ", and PUBLISH_ADDRESS="
        + address
        + " lets other machines reach the services: give it a random value"
        + " (docker/generate-secrets.sh fills the empty ones) or one from your secret store";
  }
}
