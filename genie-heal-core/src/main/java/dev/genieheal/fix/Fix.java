package dev.genieheal.fix;

import java.util.List;

/**
 * A proposed change to a Genie space, one record per enhancement type. Every fix says why ({@link #reason()}) and
 * which benchmark questions motivated it ({@link #benchmarkIds()}). Fixes round-trip to JSON with {@link FixJson};
 * that JSON is also the format a language model answers in.
 *
 * <p>Fixes are additive: they never delete what a person wrote. A fix that replaces a value (a wrong join spec, a
 * description) keeps the old value in the audit record of {@link AppliedFix}.
 */
public sealed interface Fix
    permits TableDescriptionFix, ColumnDescriptionFix, ColumnSynonymsFix, ColumnFlagsFix, JoinSpecFix,
        ExampleSqlFix, TextInstructionFix, SqlSnippetFix, SampleQuestionFix {

  /** Why the fix is proposed, for people reading the report. */
  String reason();

  /** The benchmark ids whose failures motivated the fix; may be empty. */
  List<String> benchmarkIds();

  /** The JSON {@code type} of this fix, e.g. {@code column_synonyms}. */
  String type();
}
