package dev.genieheal.space;

import java.util.List;

/**
 * Space-level settings for one column of a table or metric view ({@code column_configs[]}).
 *
 * <p>Flags are {@code Boolean} so that "absent" and "false" stay distinct on a round trip. Version-1 exports use
 * {@code get_example_values} / {@code build_value_dictionary}; version 2 uses {@code enable_format_assistance} /
 * {@code enable_entity_matching}. Both pairs are kept as read; canonicalisation migrates v1 flags to v2.
 *
 * @param columnName the column's name in the table; required
 * @param description space-level description lines
 * @param synonyms business terms that map to this column, one per element
 * @param exclude whether the column is hidden from Genie, or null when absent
 * @param enableFormatAssistance v2: sample values so Genie learns the format, or null
 * @param enableEntityMatching v2: index values so question terms match them (needs format assistance), or null
 * @param getExampleValues v1 name of format assistance, or null
 * @param buildValueDictionary v1 name of entity matching, or null
 * @param unknown fields the model does not know
 */
public record ColumnConfig(
    String columnName,
    List<String> description,
    List<String> synonyms,
    Boolean exclude,
    Boolean enableFormatAssistance,
    Boolean enableEntityMatching,
    Boolean getExampleValues,
    Boolean buildValueDictionary,
    UnknownFields unknown) {

  /** Copies the lists; null lists become empty. */
  public ColumnConfig {
    description = Lists.copy(description);
    synonyms = Lists.copy(synonyms);
    unknown = unknown == null ? UnknownFields.none() : unknown;
  }

  /** A column config holding only the column name. */
  public static ColumnConfig of(String columnName) {
    return new ColumnConfig(columnName, List.of(), List.of(), null, null, null, null, null, UnknownFields.none());
  }

  /** The description joined verbatim. */
  public String descriptionText() {
    return Lists.join(description);
  }

  /** Whether format assistance is on, under either version's name. */
  public boolean formatAssistance() {
    return Boolean.TRUE.equals(enableFormatAssistance) || Boolean.TRUE.equals(getExampleValues);
  }

  /** Whether entity matching is on, under either version's name. */
  public boolean entityMatching() {
    return Boolean.TRUE.equals(enableEntityMatching) || Boolean.TRUE.equals(buildValueDictionary);
  }

  /** Whether the column is hidden from Genie. */
  public boolean excluded() {
    return Boolean.TRUE.equals(exclude);
  }

  /** A copy with another description. */
  public ColumnConfig withDescription(List<String> newDescription) {
    return new ColumnConfig(columnName, newDescription, synonyms, exclude, enableFormatAssistance,
        enableEntityMatching, getExampleValues, buildValueDictionary, unknown);
  }

  /** A copy with another synonym list. */
  public ColumnConfig withSynonyms(List<String> newSynonyms) {
    return new ColumnConfig(columnName, description, newSynonyms, exclude, enableFormatAssistance,
        enableEntityMatching, getExampleValues, buildValueDictionary, unknown);
  }

  /** A copy with the given v2 flags (null leaves a flag absent). */
  public ColumnConfig withFlags(Boolean newExclude, Boolean formatAssistance, Boolean entityMatching) {
    return new ColumnConfig(columnName, description, synonyms, newExclude, formatAssistance, entityMatching,
        getExampleValues, buildValueDictionary, unknown);
  }
}
