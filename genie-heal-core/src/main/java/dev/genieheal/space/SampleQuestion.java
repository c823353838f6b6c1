package dev.genieheal.space;

import java.util.List;

/**
 * A starter question shown in the Genie UI ({@code config.sample_questions[]}).
 *
 * @param id 32 lowercase hex characters; null only when the export lacked it (the validator reports that)
 * @param question the question text as the export splits it, normally one element
 * @param unknown fields the model does not know
 */
public record SampleQuestion(String id, List<String> question, UnknownFields unknown) {
  /** Copies the lists; null lists become empty. */
  public SampleQuestion {
    question = Lists.copy(question);
    unknown = unknown == null ? UnknownFields.none() : unknown;
  }

  /** Creates a sample question with one text element. */
  public static SampleQuestion of(String id, String question) {
    return new SampleQuestion(id, List.of(question), UnknownFields.none());
  }

  /** The question text, elements joined as the API joins them (verbatim). */
  public String text() {
    return Lists.join(question);
  }
}
