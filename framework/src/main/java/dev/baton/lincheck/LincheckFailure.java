package dev.baton.lincheck;

import org.apiguardian.api.API;

/**
 * What Lincheck found, as a test failure: a short first line (which check, which class, what kind
 * of error), then Lincheck's own report with its tables. The cause is Lincheck's error.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LincheckFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  LincheckFailure(String message, Throwable cause) {
    super(message, cause);
  }

  static LincheckFailure of(
      LincheckMode mode, Class<?> spec, LincheckSettings settings, AssertionError lincheck) {
    String report = lincheck.getMessage() == null ? "" : lincheck.getMessage().strip();
    String kind = "an error";
    if (report.startsWith("=")) {
      int end = report.indexOf('=', 1);
      if (end > 0) kind = report.substring(1, end).strip().toLowerCase(java.util.Locale.ROOT);
    }
    String headline = mode.description() + " found " + kind + " in " + spec.getSimpleName()
        + " (" + settings.describe() + ")";
    return new LincheckFailure(headline + "\n\n" + report, lincheck);
  }
}
