package dev.baton;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Runs a method before every schedule of every {@link ExploreInterleavings} test of its class, on
 * the fresh test instance and the scenario's own managed thread. JUnit Jupiter's
 * {@code @BeforeEach} is honoured the same way, so existing tests move over unchanged.
 */
@API(status = API.Status.STABLE, since = "0.1")
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface BeforeSchedule {}
