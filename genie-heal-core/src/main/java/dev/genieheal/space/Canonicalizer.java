package dev.genieheal.space;

/** Computes the canonical form of a space; internal to the model. */
final class Canonicalizer {
  private Canonicalizer() {}

  static GenieSpace canonicalize(GenieSpace space) {
    throw new UnsupportedOperationException("TODO(issue 2): canonical form");
  }
}
