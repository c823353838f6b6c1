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

  /** Applies the request's fixes in order. */
  FixResult apply(FixRequest request);
}
