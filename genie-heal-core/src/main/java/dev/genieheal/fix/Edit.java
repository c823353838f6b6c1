package dev.genieheal.fix;

import dev.genieheal.space.GenieSpace;
import java.util.Optional;
import java.util.function.Function;

/** What one fix does to a space before canonicalisation and validation: a changed space, or a refusal. */
sealed interface Edit {

  /** The fix did not apply, for the given reason. */
  static Edit refused(String reason) {
    return new Refused(reason);
  }

  /** The fix changed the space; {@code locate} finds the changed element in a canonical space. */
  static Edit changed(GenieSpace space, Function<GenieSpace, Optional<String>> locate) {
    return new Changed(space, locate);
  }

  /**
   * A refusal.
   *
   * @param reason why, naming the table, column or id concerned
   */
  record Refused(String reason) implements Edit {}

  /**
   * A change.
   *
   * @param space the changed space (not yet canonical)
   * @param locate the JSON path of the changed element in a space, or empty when it is not there
   */
  record Changed(GenieSpace space, Function<GenieSpace, Optional<String>> locate) implements Edit {}
}
