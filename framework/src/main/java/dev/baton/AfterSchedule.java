package dev.baton;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Runs a method after every schedule of every {@link ExploreInterleavings} test of its class, even
 * when the test method failed: a place for invariant checks and clean-up. It runs on the scenario's
 * managed thread once the test method has returned. JUnit Jupiter's {@code @AfterEach} is honoured
 * the same way.
 */
@API(status = API.Status.STABLE, since = "0.1")
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AfterSchedule {}
