package dev.baton.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.baton.existing.ExploreSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.DiscoveryFilter;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryListener;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;

/**
 * A discovery request as Baton's engine sees it: the launcher's, plus a class or method selector
 * for every JUnit Jupiter unique id it holds that names an existing test Baton explores. An IDE
 * that re-runs one test by its Jupiter id ({@code [engine:junit-jupiter]/[class:X]/[method:m()]})
 * would else have Jupiter run it with real threads, uncontrolled, and pass; so Baton takes it,
 * and the launcher filter takes it out of Jupiter's run as it does for any test Baton discovered.
 * Only ids of classes Baton would explore become selectors, so no other engine's test is touched.
 */
final class ExistingTestIds implements EngineDiscoveryRequest {
  private static final String JUPITER = "junit-jupiter";

  private final EngineDiscoveryRequest request;
  private final List<ClassSelector> classes = new ArrayList<>();
  private final List<MethodSelector> methods = new ArrayList<>();

  private ExistingTestIds(EngineDiscoveryRequest request) {
    this.request = request;
  }

  /** {@code request} with the Jupiter ids of tests {@code selection} or annotations put under Baton. */
  static EngineDiscoveryRequest of(EngineDiscoveryRequest request, ExploreSelection selection) {
    ExistingTestIds translated = new ExistingTestIds(request);
    for (UniqueIdSelector selector : request.getSelectorsByType(UniqueIdSelector.class)) {
      translated.add(selector.getUniqueId(), selection);
    }
    return translated.classes.isEmpty() && translated.methods.isEmpty() ? request : translated;
  }

  private void add(UniqueId id, ExploreSelection selection) {
    if (!id.getEngineId().map(JUPITER::equals).orElse(false)) return;
    String className = null;
    String method = null;
    for (UniqueId.Segment segment : id.getSegments()) {
      switch (segment.getType()) {
        case "class" -> className = segment.getValue();
        case "nested-class" -> className = className == null ? null : className + "$" + segment.getValue();
        case "method", "test-template", "test-factory" -> method = segment.getValue();
        default -> { } // the engine, or an invocation of a template: its whole method is taken
      }
    }
    if (className == null) return;
    Optional<Class<?>> testClass = ReflectionSupport.tryToLoadClass(className).toOptional();
    if (testClass.isEmpty() || !TestClasses.isTestClass(testClass.get(), selection)) return;
    if (method == null) {
      classes.add(selectClass(testClass.get()));
      return;
    }
    int open = method.indexOf('(');
    if (open < 0 || !method.endsWith(")")) return;
    methods.add(selectMethod(className, method.substring(0, open),
        method.substring(open + 1, method.length() - 1)));
  }

  @Override
  public <T extends DiscoverySelector> List<T> getSelectorsByType(Class<T> type) {
    List<T> selectors = new ArrayList<>(request.getSelectorsByType(type));
    for (ClassSelector c : classes) if (type.isInstance(c)) selectors.add(type.cast(c));
    for (MethodSelector m : methods) if (type.isInstance(m)) selectors.add(type.cast(m));
    return selectors;
  }

  @Override
  public <T extends DiscoveryFilter<?>> List<T> getFiltersByType(Class<T> type) {
    return request.getFiltersByType(type);
  }

  @Override
  public ConfigurationParameters getConfigurationParameters() {
    return request.getConfigurationParameters();
  }

  @Override
  public EngineDiscoveryListener getDiscoveryListener() {
    return request.getDiscoveryListener();
  }
}
