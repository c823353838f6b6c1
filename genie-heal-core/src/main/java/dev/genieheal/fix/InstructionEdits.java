package dev.genieheal.fix;

import dev.genieheal.space.BenchmarkQuestion;
import dev.genieheal.space.Catalog;
import dev.genieheal.space.ExampleQuestionSql;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.space.IdGenerator;
import dev.genieheal.space.Instructions;
import dev.genieheal.space.JoinSide;
import dev.genieheal.space.JoinSpec;
import dev.genieheal.space.Parameter;
import dev.genieheal.space.SampleQuestion;
import dev.genieheal.space.SnippetKind;
import dev.genieheal.space.SpaceConfig;
import dev.genieheal.space.SqlFunction;
import dev.genieheal.space.SqlSnippet;
import dev.genieheal.space.TextInstruction;
import dev.genieheal.space.UnknownFields;
import dev.genieheal.sql.ReadOnlySqlGuard;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The edits of the fixes that add instructions (joins, examples, text, snippets) and sample questions. */
final class InstructionEdits {
  private InstructionEdits() {}

  static Edit joinSpec(GenieSpace space, Catalog catalog, IdGenerator ids, JoinSpecFix fix) {
    for (String[] side : new String[][] {{fix.leftTable(), fix.leftColumn()}, {fix.rightTable(), fix.rightColumn()}}) {
      Optional<String> problem = Targets.columnProblem(space, catalog, side[0], side[1]);
      if (problem.isPresent()) {
        return Edit.refused(problem.get());
      }
    }
    String left = Targets.table(space, fix.leftTable()).orElseThrow().table().identifier();
    String right = Targets.table(space, fix.rightTable()).orElseThrow().table().identifier();
    if (JoinSide.of(left).alias().equalsIgnoreCase(JoinSide.of(right).alias())) {
      return Edit.refused("both sides of the join would use the alias " + JoinSide.of(left).alias()
          + "; join specs need two tables with different names");
    }
    JoinKey key = JoinKey.of(left, fix.leftColumn(), right, fix.rightColumn(), fix.relationship());
    List<JoinSpec> specs = new ArrayList<>(space.joinSpecs());
    for (JoinSpec existing : specs) {
      Optional<JoinKey> other = JoinKey.of(existing);
      if (other.isEmpty() || existing.id() == null || existing.id().equals(fix.replacesId())) {
        continue;
      }
      if (other.get().sameJoin(key)) {
        return Edit.refused(RejectedFix.ALREADY_PRESENT + " (join spec " + existing.id() + ")");
      }
      if (fix.replacesId() == null && other.get().sameColumns(key)) {
        return Edit.refused("join spec " + existing.id() + " already joins these columns as "
            + other.get().type() + "; set replaces_id to change it");
      }
    }
    List<String> comment = Lines.split(fix.comment());
    if (fix.replacesId() == null) {
      String id = ids.nextAfter(maxInstructionId(space));
      specs.add(JoinSpec.of(id, left, fix.leftColumn(), right, fix.rightColumn(), fix.relationship(), comment));
      return Edit.changed(space.withInstructions(space.instructions().withJoinSpecs(specs)), joinLocator(id));
    }
    for (int i = 0; i < specs.size(); i++) {
      JoinSpec old = specs.get(i);
      if (fix.replacesId().equals(old.id())) {
        JoinSpec built = JoinSpec.of(old.id(), left, fix.leftColumn(), right, fix.rightColumn(),
            fix.relationship(), comment.isEmpty() ? old.comment() : comment);
        // The replacement keeps what a person wrote besides the wrong condition: the instruction and unknowns.
        specs.set(i, new JoinSpec(old.id(), built.left(), built.right(), built.sql(), built.comment(),
            old.instruction(), old.unknown()));
        return Edit.changed(space.withInstructions(space.instructions().withJoinSpecs(specs)),
            joinLocator(old.id()));
      }
    }
    return Edit.refused("join spec " + fix.replacesId() + " to replace is not in the space");
  }

  static Edit exampleSql(GenieSpace space, IdGenerator ids, ExampleSqlFix fix) {
    Optional<String> refused = ReadOnlySqlGuard.violation(fix.sql());
    if (refused.isPresent()) {
      return Edit.refused("example SQL refused by the read-only guard: " + refused.get());
    }
    Set<String> names = new HashSet<>();
    for (Parameter p : fix.parameters()) {
      if (p == null || p.name() == null || p.name().isBlank()) {
        return Edit.refused("a parameter has no name");
      }
      if (!names.add(p.name().toLowerCase(Locale.ROOT))) {
        return Edit.refused("parameter " + p.name() + " is declared twice");
      }
      if (!Pattern.compile(":" + Pattern.quote(p.name()) + "\\b").matcher(fix.sql()).find()) {
        return Edit.refused("parameter " + p.name() + " is not used in the SQL as :" + p.name());
      }
    }
    for (ExampleQuestionSql e : space.exampleQuestionSqls()) {
      if (Lines.norm(e.questionText()).equals(Lines.norm(fix.question()))) {
        return Edit.refused(Lines.norm(e.sqlText()).equals(Lines.norm(fix.sql()))
            ? RejectedFix.ALREADY_PRESENT + " (example " + e.id() + ")"
            : "example " + e.id() + " already answers this question with other SQL");
      }
    }
    String id = ids.nextAfter(maxInstructionId(space));
    List<ExampleQuestionSql> examples = new ArrayList<>(space.exampleQuestionSqls());
    examples.add(new ExampleQuestionSql(id, List.of(fix.question()), Lines.split(fix.sql()), fix.parameters(),
        Lines.split(fix.usageGuidance()), UnknownFields.none()));
    return Edit.changed(space.withInstructions(space.instructions().withExampleQuestionSqls(examples)),
        byId(id, s -> s.exampleQuestionSqls().stream().map(ExampleQuestionSql::id),
            "$.instructions.example_question_sqls"));
  }

  static Edit textInstruction(GenieSpace space, IdGenerator ids, TextInstructionFix fix) {
    Optional<TextInstruction> existing = space.textInstruction();
    List<String> content = new ArrayList<>();
    String id;
    if (existing.isPresent()) {
      if (Lines.norm(existing.get().text()).contains(Lines.norm(fix.rule()))) {
        return Edit.refused(RejectedFix.ALREADY_PRESENT);
      }
      id = existing.get().id();
      content.addAll(existing.get().content());
      if (!content.isEmpty() && !content.get(content.size() - 1).endsWith("\n")) {
        content.add("\n");
      }
    } else {
      id = ids.nextAfter(maxInstructionId(space));
    }
    content.addAll(Lines.terminated(fix.rule()));
    TextInstruction block = new TextInstruction(id,
        content, existing.map(TextInstruction::unknown).orElse(UnknownFields.none()));
    List<TextInstruction> blocks = new ArrayList<>(space.instructions().textInstructions());
    if (blocks.isEmpty()) {
      blocks.add(block);
    } else {
      blocks.set(0, block);
    }
    return Edit.changed(space.withInstructions(space.instructions().withTextInstructions(blocks)),
        s -> s.textInstruction().isPresent() ? Optional.of("$.instructions.text_instructions[0]") : Optional.empty());
  }

  static Edit sqlSnippet(GenieSpace space, IdGenerator ids, SqlSnippetFix fix) {
    String probe = fix.kind() == SnippetKind.FILTER
        ? "SELECT * FROM snippet_probe WHERE " + fix.sql()
        : "SELECT " + fix.sql() + " FROM snippet_probe";
    Optional<String> refused = ReadOnlySqlGuard.violation(probe);
    if (refused.isPresent()) {
      return Edit.refused("snippet SQL refused by the read-only guard: " + refused.get());
    }
    String kind = fix.kind().name().toLowerCase(Locale.ROOT);
    String alias = fix.kind() == SnippetKind.FILTER ? fix.alias()
        : fix.alias() != null ? fix.alias() : aliasOf(fix.displayName());
    List<SqlSnippet> list = new ArrayList<>(space.sqlSnippets().of(fix.kind()));
    for (SqlSnippet s : list) {
      boolean sameName = Lines.norm(s.displayName()).equals(Lines.norm(fix.displayName()));
      boolean sameSql = Lines.norm(s.sqlText()).equals(Lines.norm(fix.sql()));
      if (sameName && sameSql) {
        return Edit.refused(RejectedFix.ALREADY_PRESENT + " (" + kind + " " + s.id() + ")");
      }
      if (sameName) {
        return Edit.refused("a " + kind + " named '" + s.displayName() + "' already exists (" + s.id()
            + ") with other SQL");
      }
      if (sameSql) {
        return Edit.refused("the same SQL already exists as " + kind + " " + s.id() + " ('" + s.displayName() + "')");
      }
      if (alias != null && alias.equalsIgnoreCase(s.alias())) {
        return Edit.refused("alias " + alias + " is already used by " + kind + " " + s.id());
      }
    }
    List<String> synonyms = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    fix.synonyms().stream().filter(t -> seen.add(Lines.norm(t))).forEach(t -> synonyms.add(t.strip()));
    String id = ids.nextAfter(maxInstructionId(space));
    list.add(new SqlSnippet(id, alias, Lines.split(fix.sql()), fix.displayName(), synonyms,
        Lines.split(fix.instruction()), List.of(), UnknownFields.none()));
    Instructions instructions = space.instructions()
        .withSqlSnippets(space.sqlSnippets().with(fix.kind(), list));
    return Edit.changed(space.withInstructions(instructions),
        byId(id, s -> s.sqlSnippets().of(fix.kind()).stream().map(SqlSnippet::id),
            "$.instructions.sql_snippets." + fix.kind().jsonName()));
  }

  static Edit sampleQuestion(GenieSpace space, IdGenerator ids, SampleQuestionFix fix) {
    for (SampleQuestion q : space.sampleQuestions()) {
      if (Lines.norm(q.text()).equals(Lines.norm(fix.question()))) {
        return Edit.refused(RejectedFix.ALREADY_PRESENT + " (sample question " + q.id() + ")");
      }
    }
    String floor = max(Stream.concat(space.sampleQuestions().stream().map(SampleQuestion::id),
        space.benchmarkQuestions().stream().map(BenchmarkQuestion::id)));
    String id = ids.nextAfter(floor);
    List<SampleQuestion> questions = new ArrayList<>(space.sampleQuestions());
    questions.add(SampleQuestion.of(id, fix.question()));
    return Edit.changed(space.withConfig(new SpaceConfig(questions, space.config().unknown())),
        byId(id, s -> s.sampleQuestions().stream().map(SampleQuestion::id), "$.config.sample_questions"));
  }

  /** The greatest id among the instructions, which share one uniqueness group in the API. */
  static String maxInstructionId(GenieSpace space) {
    Instructions in = space.instructions();
    return max(Stream.of(
            in.textInstructions().stream().map(TextInstruction::id),
            in.exampleQuestionSqls().stream().map(ExampleQuestionSql::id),
            in.sqlFunctions().stream().map(SqlFunction::id),
            in.joinSpecs().stream().map(JoinSpec::id),
            in.sqlSnippets().filters().stream().map(SqlSnippet::id),
            in.sqlSnippets().expressions().stream().map(SqlSnippet::id),
            in.sqlSnippets().measures().stream().map(SqlSnippet::id))
        .flatMap(Function.identity()));
  }

  /** A snake_case column alias for a display name, e.g. {@code Total revenue} to {@code total_revenue}. */
  static String aliasOf(String displayName) {
    String alias = displayName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (alias.isEmpty()) {
      return "snippet";
    }
    return Character.isDigit(alias.charAt(0)) ? "_" + alias : alias;
  }

  private static String max(Stream<String> ids) {
    return ids.filter(id -> id != null).max(String::compareTo).orElse(null);
  }

  private static Function<GenieSpace, Optional<String>> joinLocator(String id) {
    return byId(id, s -> s.joinSpecs().stream().map(JoinSpec::id), "$.instructions.join_specs");
  }

  /** Locates the element with {@code id} in the list that {@code ids} streams, under {@code listPath}. */
  private static Function<GenieSpace, Optional<String>> byId(String id, Function<GenieSpace, Stream<String>> ids,
      String listPath) {
    return s -> {
      List<String> all = ids.apply(s).toList();
      int i = all.indexOf(id);
      return i < 0 ? Optional.empty() : Optional.of(listPath + "[" + i + "]");
    };
  }
}
