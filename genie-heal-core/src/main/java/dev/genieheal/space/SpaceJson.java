package dev.genieheal.space;

/** Reads and writes the export JSON with Jackson; internal to the model. */
final class SpaceJson {
  private SpaceJson() {}

  static GenieSpace read(String json) {
    throw new UnsupportedOperationException("TODO(issue 2): space JSON reader");
  }

  static GenieSpace readNested(String json) {
    throw new UnsupportedOperationException("TODO(issue 2): space JSON reader");
  }

  static SpaceEnvelope readEnvelope(String json) {
    throw new UnsupportedOperationException("TODO(issue 2): envelope reader");
  }

  static String write(GenieSpace space, boolean pretty) {
    throw new UnsupportedOperationException("TODO(issue 2): space JSON writer");
  }
}
