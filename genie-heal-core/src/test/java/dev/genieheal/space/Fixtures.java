package dev.genieheal.space;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Our own committed fixtures under {@code src/test/resources/dev/genieheal/space}. */
final class Fixtures {
  /** A small valid v2 space that uses every feature of the model. */
  static final String FULL = "full-space.json";

  private Fixtures() {}

  static String read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static GenieSpace full() {
    return GenieSpace.parse(read(FULL));
  }
}
