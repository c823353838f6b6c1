package dev.genieheal.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An immutable model of a Genie space export ({@code serialized_space}), versions 1 and 2.
 *
 * <p>Parsing and writing are lossless: fields the model does not know are kept in {@link UnknownFields} and written
 * back, string arrays keep their line splitting, and {@code Boolean} flags keep "absent" apart from "false". The one
 * normalisation is protobuf presence: the API cannot tell an empty list or object from an absent one, so empty
 * sections and lists are written as absent, and a JSON {@code null} for a known field reads as absent. Null list
 * elements are kept as read (the validator reports them, {@link #canonicalize()} drops them). Known fields are written
 * in the API's natural order (version, config, data_sources, instructions, benchmarks; inside each object the field
 * order of the reference layout), unknown fields after them in the order they were read.
 *
 * <p>{@link #canonicalize()} returns the form the API accepts: every list sorted by the key the API requires, v1
 * column flags migrated to v2, null and empty elements dropped. Canonicalising twice equals canonicalising once.
 * Use {@link SpaceValidator} to check a space against every rule the API enforces.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param version 1 or 2
 * @param config the {@code config} section
 * @param dataSources the {@code data_sources} section
 * @param instructions the {@code instructions} section
 * @param benchmarks the {@code benchmarks} section
 * @param unknown top-level fields the model does not know (the API rejects them; the validator reports them)
 */
public record GenieSpace(
    int version,
    SpaceConfig config,
    DataSources dataSources,
    Instructions instructions,
    Benchmarks benchmarks,
    UnknownFields unknown) {

  /** The current export version. */
  public static final int CURRENT_VERSION = 2;

  /** Normalises null sections to empty ones. */
  public GenieSpace {
    config = config == null ? SpaceConfig.empty() : config;
    dataSources = dataSources == null ? DataSources.empty() : dataSources;
    instructions = instructions == null ? Instructions.empty() : instructions;
    benchmarks = benchmarks == null ? Benchmarks.empty() : benchmarks;
    unknown = unknown == null ? UnknownFields.none() : unknown;
  }

  /** An empty version-2 space ({@code {"version": 2}}). */
  public static GenieSpace empty() {
    return new GenieSpace(CURRENT_VERSION, null, null, null, null, null);
  }

  /**
   * Parses a {@code serialized_space} document.
   *
   * @throws dev.genieheal.error.ValidationException when the text is not JSON or a field has the wrong JSON type
   *     (the violation names the JSON path, e.g. {@code $.config.sample_questions[0].question})
   */
  public static GenieSpace parse(String json) {
    return SpaceJson.read(json);
  }

  /** Writes the space as compact JSON, the form sent inside {@code serialized_space}. */
  public String toJson() {
    return SpaceJson.write(this, false);
  }

  /** Writes the space as indented JSON, for files and diffs. */
  public String toPrettyJson() {
    return SpaceJson.write(this, true);
  }

  /** The canonical form: sorted lists, v2 column flags, no null or empty elements. Idempotent. */
  public GenieSpace canonicalize() {
    return Canonicalizer.canonicalize(this);
  }

  // ---- convenience accessors -------------------------------------------------------------------------------

  /** The tables and views ({@code data_sources.tables}). */
  public List<DataObject> tables() {
    return dataSources.tables();
  }

  /** The metric views ({@code data_sources.metric_views}). */
  public List<DataObject> metricViews() {
    return dataSources.metricViews();
  }

  /** Tables and metric views together. */
  public List<DataObject> dataObjects() {
    List<DataObject> all = new ArrayList<>(tables());
    all.addAll(metricViews());
    return List.copyOf(all);
  }

  /** The table or metric view with the given identifier (case-insensitive, back-ticks ignored). */
  public Optional<DataObject> dataObject(String identifier) {
    String wanted = Catalog.normalize(identifier);
    return Stream.concat(tables().stream(), metricViews().stream())
        .filter(t -> t != null && Catalog.normalize(t.identifier()).equals(wanted))
        .findFirst();
  }

  /** The join specs. */
  public List<JoinSpec> joinSpecs() {
    return instructions.joinSpecs();
  }

  /** The example question SQLs. */
  public List<ExampleQuestionSql> exampleQuestionSqls() {
    return instructions.exampleQuestionSqls();
  }

  /** The text instruction, if there is one. */
  public Optional<TextInstruction> textInstruction() {
    return instructions.textInstructions().stream().findFirst();
  }

  /** The SQL snippets. */
  public SqlSnippets sqlSnippets() {
    return instructions.sqlSnippets();
  }

  /** The sample questions. */
  public List<SampleQuestion> sampleQuestions() {
    return config.sampleQuestions();
  }

  /** The benchmark questions. */
  public List<BenchmarkQuestion> benchmarkQuestions() {
    return benchmarks.questions();
  }

  // ---- copies with one change ------------------------------------------------------------------------------

  /** A copy with another version number. */
  public GenieSpace withVersion(int newVersion) {
    return new GenieSpace(newVersion, config, dataSources, instructions, benchmarks, unknown);
  }

  /** A copy with another config section. */
  public GenieSpace withConfig(SpaceConfig newConfig) {
    return new GenieSpace(version, newConfig, dataSources, instructions, benchmarks, unknown);
  }

  /** A copy with another data sources section. */
  public GenieSpace withDataSources(DataSources newDataSources) {
    return new GenieSpace(version, config, newDataSources, instructions, benchmarks, unknown);
  }

  /** A copy with another instructions section. */
  public GenieSpace withInstructions(Instructions newInstructions) {
    return new GenieSpace(version, config, dataSources, newInstructions, benchmarks, unknown);
  }

  /** A copy with another benchmarks section. */
  public GenieSpace withBenchmarks(Benchmarks newBenchmarks) {
    return new GenieSpace(version, config, dataSources, instructions, newBenchmarks, unknown);
  }

  /** A copy with other tables. */
  public GenieSpace withTables(List<DataObject> newTables) {
    return withDataSources(new DataSources(newTables, dataSources.metricViews(), dataSources.unknown()));
  }

  /** A copy with other metric views. */
  public GenieSpace withMetricViews(List<DataObject> newMetricViews) {
    return withDataSources(new DataSources(dataSources.tables(), newMetricViews, dataSources.unknown()));
  }
}
