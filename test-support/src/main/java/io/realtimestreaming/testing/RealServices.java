package io.realtimestreaming.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class real services: Testcontainers where a Docker engine answers, the devstack
 * processes ({@code ./pipeline up}) otherwise. Test methods, constructors and lifecycle methods
 * take a {@link ServiceEndpoints} parameter.
 *
 * <p>{@code PIPELINE_TEST_SERVICES=devstack|containers} forces one kind; the default picks a
 * devstack that is already up, else containers when Docker answers, else starts the devstack
 * services.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(RealServicesExtension.class)
public @interface RealServices {

  /** The services the test needs; only these are started. */
  ServiceKind[] value();
}
