package dev.genieheal.testkit.emulator;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Selects the requests a fault applies to. Built-ins: {@link #any()}, {@link #route(EmulatorRoute...)},
 * {@link #path(String, String)}, {@link #method(String)}. Implementations must be thread-safe and side-effect free.
 */
@FunctionalInterface
public interface RequestMatcher {

  /** Whether the request is selected. */
  boolean matches(RecordedRequest request);

  /** Every request. */
  static RequestMatcher any() {
    return r -> true;
  }

  /**
   * Requests that matched one of the given routes.
   *
   * @throws IllegalArgumentException when no route is given
   */
  static RequestMatcher route(EmulatorRoute... routes) {
    if (routes.length == 0) {
      throw new IllegalArgumentException("routes must not be empty");
    }
    Set<EmulatorRoute> set = EnumSet.noneOf(EmulatorRoute.class);
    for (EmulatorRoute r : routes) {
      set.add(Objects.requireNonNull(r, "routes"));
    }
    return r -> r.route().isPresent() && set.contains(r.route().get());
  }

  /**
   * Requests with the given verb (null for any) whose whole path matches the regular expression.
   *
   * @throws java.util.regex.PatternSyntaxException when the expression is invalid
   */
  static RequestMatcher path(String method, String pathRegex) {
    Pattern pattern = Pattern.compile(Objects.requireNonNull(pathRegex, "pathRegex"));
    String verb = method == null ? null : method.toUpperCase(Locale.ROOT);
    return r -> (verb == null || verb.equals(r.method())) && pattern.matcher(r.path()).matches();
  }

  /** Requests with the given verb, e.g. {@code GET}. */
  static RequestMatcher method(String method) {
    String verb = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
    return r -> verb.equals(r.method());
  }

  /** Requests this and {@code other} both select. */
  default RequestMatcher and(RequestMatcher other) {
    Objects.requireNonNull(other, "other");
    return r -> matches(r) && other.matches(r);
  }
}
