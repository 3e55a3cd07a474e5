package dev.baton;

import java.io.Serializable;
import org.apiguardian.api.API;

/**
 * A piece of concurrent code to explore with {@link Interleavings}: it builds its own state, starts
 * threads, joins them and checks the outcome, throwing to fail.
 *
 * <p>It is {@link Serializable} so that Baton can re-load a lambda's code through its instrumenting
 * class loader; for the same reason a scenario lambda must not capture objects of your own classes
 * (build them inside the lambda, which also gives every schedule fresh state). Primitives, strings
 * and JDK values may be captured.
 */
@API(status = API.Status.STABLE, since = "0.1")
@FunctionalInterface
public interface Scenario extends Serializable {
  void run() throws Exception;
}
