package dev.genieheal.fix;

/**
 * Applies fixes to a space.
 *
 * <p>Contract: the returned space always validates; a fix that would break validation is rejected on its own while
 * the others still apply; applying the same fixes twice equals applying them once. Implementations must be
 * thread-safe (the default is stateless).
 */
@FunctionalInterface
public interface FixApplier {

  /**
   * Applies the request's fixes in order.
   *
   * @throws dev.genieheal.error.ValidationException when the request's space is invalid to begin with
   */
  FixResult apply(FixRequest request);

  /**
   * The standard applier ({@link DefaultFixApplier}) with its defaults: additive, validating after every fix,
   * time-ordered ids from the system clock. Use {@link DefaultFixApplier#builder()} to inject ids or a clock.
   */
  static FixApplier standard() {
    return DefaultFixApplier.builder().build();
  }
}
