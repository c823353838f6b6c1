package dev.genieheal.space;

import java.util.List;

/**
 * The {@code config} section.
 *
 * @param sampleQuestions starter questions, sorted by id in canonical form
 * @param unknown fields the model does not know
 */
public record SpaceConfig(List<SampleQuestion> sampleQuestions, UnknownFields unknown) {
  private static final SpaceConfig EMPTY = new SpaceConfig(List.of(), UnknownFields.none());

  /** Copies the lists; null lists become empty. */
  public SpaceConfig {
    sampleQuestions = Lists.copy(sampleQuestions);
    unknown = unknown == null ? UnknownFields.none() : unknown;
  }

  /** An empty section. */
  public static SpaceConfig empty() {
    return EMPTY;
  }

  /** Whether the section holds nothing. */
  public boolean isEmpty() {
    return sampleQuestions.isEmpty() && unknown.isEmpty();
  }
}
