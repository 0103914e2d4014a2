package io.realtimestreaming.testing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;

/**
 * Starts the services a {@link RealServices} test asks for, once per test JVM, and hands out their
 * {@link ServiceEndpoints}. Registered through {@link RealServices}.
 */
public final class RealServicesExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RealServicesExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    List<ServiceKind> wanted = List.of(requested(context));
    provider(context, wanted).ensureUp(wanted);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ServiceEndpoints.class;
  }

  @Override
  public ServiceEndpoints resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return provider(context, List.of(requested(context))).endpoints();
  }

  private static ServiceKind[] requested(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    RealServices annotation = testClass.getAnnotation(RealServices.class);
    for (Class<?> c = testClass; annotation == null && c.getEnclosingClass() != null; ) {
      c = c.getEnclosingClass();
      annotation = c.getAnnotation(RealServices.class);
    }
    if (annotation == null) {
      throw new IllegalStateException(testClass.getName() + " needs @RealServices({...})");
    }
    return annotation.value();
  }

  /** One provider per test JVM, chosen on first use; kept in the root store, closed at the end. */
  private static TestServices provider(ExtensionContext context, List<ServiceKind> wanted) {
    ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
    return store.getOrComputeIfAbsent("provider", key -> choose(wanted), TestServices.class);
  }

  private static TestServices choose(List<ServiceKind> wanted) {
    Map<String, String> env = System.getenv();
    DevstackServices devstack = new DevstackServices(env);
    String mode = env.getOrDefault("PIPELINE_TEST_SERVICES", "auto").toLowerCase(Locale.ROOT);
    return switch (mode) {
      case "devstack" -> devstack;
      case "containers" -> new ContainerServices(devstack);
      case "auto" ->
          devstack.allAnswer(wanted) || !dockerAnswers()
              ? devstack
              : new ContainerServices(devstack);
      default ->
          throw new IllegalStateException(
              "PIPELINE_TEST_SERVICES=" + mode + " is not one of auto, devstack, containers");
    };
  }

  private static boolean dockerAnswers() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
