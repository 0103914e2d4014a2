package io.realtimestreaming.devstack.service;

import io.realtimestreaming.devstack.stack.JavaCommand;
import io.realtimestreaming.devstack.stack.Runtimes;
import io.realtimestreaming.devstack.stack.ServiceSpec;
import io.realtimestreaming.devstack.stack.StackSettings;
import java.util.List;

/** The offline randomuser-compatible source, for machines that cannot reach randomuser.me. */
final class RandomUserSpec implements ServiceSpec {

  @Override
  public String name() {
    return "randomuser";
  }

  @Override
  public String address(StackSettings s) {
    return baseUrl(s);
  }

  @Override
  public List<String> prepare(StackSettings s, Runtimes runtimes) {
    return JavaCommand.forService(s, runtimes, name())
        .classpath(runtimes.devstackJar())
        .main(
            "io.realtimestreaming.devstack.randomuser.RandomUserServer",
            "--host",
            s.host(),
            "--port",
            Integer.toString(s.port(name())));
  }

  @Override
  public boolean isReady(StackSettings s) {
    return HttpProbe.answers200(baseUrl(s) + "?results=1&seed=ready");
  }

  private String baseUrl(StackSettings s) {
    return "http://" + s.host() + ":" + s.port(name()) + "/api/1.4/";
  }
}
