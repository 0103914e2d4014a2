package io.realtimestreaming.devstack.service;

import io.realtimestreaming.devstack.stack.JavaCommand;
import io.realtimestreaming.devstack.stack.ModuleJar;
import io.realtimestreaming.devstack.stack.Runtimes;
import io.realtimestreaming.devstack.stack.ServiceSpec;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The offline randomuser-compatible source (module randomuser-local), for machines that cannot
 * reach randomuser.me. Its jar is built first when missing or stale.
 */
final class RandomUserSpec implements ServiceSpec {

  static final String JAR = "randomuser-local/target/randomuser-local-0.1.0-SNAPSHOT-all.jar";

  @Override
  public String role() {
    return "offline source";
  }

  @Override
  public String name() {
    return "randomuser";
  }

  @Override
  public String address(StackSettings s) {
    return baseUrl(s);
  }

  @Override
  public List<String> prepare(StackSettings s, Runtimes runtimes) throws IOException {
    Path jar = ModuleJar.runnableCopy(s, name(), "randomuser-local", JAR);
    return JavaCommand.forService(s, runtimes, name())
        .main(
            "-jar", jar.toString(), "--host", s.host(), "--port", Integer.toString(s.port(name())));
  }

  @Override
  public boolean isReady(StackSettings s) {
    return HttpProbe.answers200(baseUrl(s) + "?results=1&seed=ready");
  }

  private String baseUrl(StackSettings s) {
    return "http://" + s.host() + ":" + s.port(name()) + "/api/1.4/";
  }
}
