package dev.genieheal.space;

import java.util.List;

/**
 * The space's general instructions block ({@code instructions.text_instructions[]}, at most one element).
 *
 * @param id 32 lowercase hex characters
 * @param content lines, each normally ending in a newline; joined verbatim by the API
 * @param unknown fields the model does not know
 */
public record TextInstruction(String id, List<String> content, UnknownFields unknown) {
  /** Copies the lists; null lists become empty. */
  public TextInstruction {
    content = Lists.copy(content);
    unknown = unknown == null ? UnknownFields.none() : unknown;
  }

  /** The content joined verbatim. */
  public String text() {
    return Lists.join(content);
  }
}
