package io.realtimestreaming.devstack.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.devstack.stack.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceCatalogTests {

  /** `up` starts services in catalog order, each once the ones it depends on have started. */
  @Test
  void everyServiceComesAfterTheServicesItDependsOn() {
    List<String> before = new ArrayList<>();
    for (ServiceSpec spec : ServiceCatalog.all()) {
      assertThat(before).as(spec.name() + " depends on").containsAll(spec.dependsOn());
      before.add(spec.name());
    }
  }
}
