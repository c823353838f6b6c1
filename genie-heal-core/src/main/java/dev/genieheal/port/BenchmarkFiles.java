package dev.genieheal.port;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.genieheal.error.GenieHealException;
import dev.genieheal.error.NotFoundException;
import dev.genieheal.error.ValidationException;
import dev.genieheal.error.Violation;
import dev.genieheal.space.BenchmarkQuestion;
import dev.genieheal.space.GenieSpace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads benchmarks from a space and from JSON, JSON Lines and CSV files; collects every violation. */
final class BenchmarkFiles {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String MISSING = "benchmark-missing-field";
  private static final String WRONG_TYPE = "benchmark-wrong-type";
  private static final String DUPLICATE = "benchmark-duplicate-id";
  private static final String MALFORMED_JSON = "benchmark-malformed-json";
  private static final String MALFORMED_CSV = "benchmark-malformed-csv";
  private static final List<String> FIELDS = List.of("id", "question", "expected_sql");

  private BenchmarkFiles() {}

  /** Collects benchmarks and violations of one source. */
  private static final class Collector {
    final List<Benchmark> benchmarks = new ArrayList<>();
    final List<Violation> violations = new ArrayList<>();
    final Map<String, String> firstPathOfId = new HashMap<>();

    void violation(String path, String rule, String message) {
      violations.add(new Violation(path, rule, message));
    }

    /** Adds an entry whose parts were read (null = already reported); {@code at} formats a field's path. */
    void add(String entryPath, java.util.function.Function<String, String> at, String id, String question,
        String sql) {
      int before = violations.size();
      for (String[] part : new String[][] {{"id", id}, {"question", question}, {"expected_sql", sql}}) {
        if (part[1] != null && part[1].isBlank()) {
          violation(at.apply(part[0]), MISSING, part[0] + " must not be blank");
        }
      }
      if (id != null && !id.isBlank()) {
        String first = firstPathOfId.putIfAbsent(id, entryPath);
        if (first != null) {
          violation(at.apply("id"), DUPLICATE, "duplicate id " + id + " (first at " + first + ")");
        }
      }
      if (violations.size() == before && id != null && question != null && sql != null) {
        benchmarks.add(new Benchmark(id, question, sql));
      }
    }

    List<Benchmark> result(String what) {
      if (!violations.isEmpty()) {
        throw new ValidationException(what, violations);
      }
      return List.copyOf(benchmarks);
    }
  }

  static List<Benchmark> fromSpace(GenieSpace space) {
    Collector c = new Collector();
    List<BenchmarkQuestion> questions = space.benchmarkQuestions();
    for (int i = 0; i < questions.size(); i++) {
      String path = "$.benchmarks.questions[" + i + "]";
      BenchmarkQuestion q = questions.get(i);
      if (q == null) {
        c.violation(path, MISSING, "benchmark question is null");
        continue;
      }
      String sql = q.sqlAnswer().orElse(null);
      if (sql == null) {
        c.violation(path + ".answer", MISSING, "benchmark has no SQL answer");
      }
      String id = q.id();
      if (id == null) {
        c.violation(path + ".id", MISSING, "id is required");
      }
      c.add(path, f -> path + "." + (f.equals("expected_sql") ? "answer" : f), id, q.questionText(), sql);
    }
    return c.result("invalid benchmarks in the space's benchmarks section");
  }

  static List<Benchmark> json(Path file) {
    String text = read(file);
    Collector c = new Collector();
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      c.violation("$", MALFORMED_JSON, jsonError(e));
      return c.result(what(file));
    }
    if (root == null || !root.isArray()) {
      c.violation("$", MALFORMED_JSON, "expected an array of benchmark objects, found "
          + (root == null ? "nothing" : root.getNodeType().name().toLowerCase(Locale.ROOT)));
      return c.result(what(file));
    }
    for (int i = 0; i < root.size(); i++) {
      String path = "$[" + i + "]";
      entry(c, root.get(i), path, f -> path + "." + f);
    }
    return c.result(what(file));
  }

  static List<Benchmark> jsonLines(Path file) {
    String text = read(file);
    Collector c = new Collector();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = i == 0 ? stripBom(lines[i]) : lines[i];
      if (line.isBlank()) {
        continue;
      }
      String where = "line " + (i + 1);
      try {
        entry(c, MAPPER.readTree(line), where, f -> where + ": $." + f);
      } catch (JsonProcessingException e) {
        c.violation(where, MALFORMED_JSON, jsonError(e));
      }
    }
    return c.result(what(file));
  }

  private static void entry(
      Collector c, JsonNode node, String path, java.util.function.Function<String, String> at) {
    if (node == null || !node.isObject()) {
      c.violation(path, MALFORMED_JSON, "expected a benchmark object {id, question, expected_sql}, found "
          + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT)));
      return;
    }
    String[] values = new String[FIELDS.size()];
    for (int f = 0; f < FIELDS.size(); f++) {
      String field = FIELDS.get(f);
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        c.violation(at.apply(field), MISSING, field + " is required");
      } else if (value.isTextual() || (field.equals("id") && value.isIntegralNumber())) {
        values[f] = value.asText();
      } else {
        c.violation(at.apply(field), WRONG_TYPE, field + " must be a string, found "
            + value.getNodeType().name().toLowerCase(Locale.ROOT));
      }
    }
    c.add(path, at, values[0], values[1], values[2]);
  }

  static List<Benchmark> csv(Path file) {
    String text = stripBom(read(file));
    Collector c = new Collector();
    List<CsvRecord> records = Csv.parse(text, c.violations);
    if (records.isEmpty()) {
      if (c.violations.isEmpty()) {
        c.violation("line 1", MALFORMED_CSV, "the file is empty; expected a header row id,question,expected_sql");
      }
      return c.result(what(file));
    }
    List<String> header = records.get(0).fields().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
    int[] index = new int[FIELDS.size()];
    for (int f = 0; f < FIELDS.size(); f++) {
      index[f] = header.indexOf(FIELDS.get(f));
      if (index[f] < 0) {
        c.violation("line 1", MALFORMED_CSV, "the header lacks the column " + FIELDS.get(f) + " (found " + header
            + ")");
      }
    }
    if (!c.violations.isEmpty()) {
      return c.result(what(file));
    }
    for (CsvRecord r : records.subList(1, records.size())) {
      String where = "line " + r.line();
      if (r.fields().size() != header.size()) {
        c.violation(where, MALFORMED_CSV, "expected " + header.size() + " fields as in the header, found "
            + r.fields().size());
        continue;
      }
      c.add(where, f -> where + ", column " + f, r.fields().get(index[0]), r.fields().get(index[1]),
          r.fields().get(index[2]));
    }
    return c.result(what(file));
  }

  /** One CSV record and the line it starts on. */
  record CsvRecord(int line, List<String> fields) {}

  /** An RFC 4180 reader. */
  static final class Csv {
    private Csv() {}

    static List<CsvRecord> parse(String text, List<Violation> violations) {
      List<CsvRecord> records = new ArrayList<>();
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean inQuotes = false;
      boolean closedQuote = false;
      int line = 1;
      int recordLine = 1;
      int n = text.length();
      for (int i = 0; i < n; i++) {
        char ch = text.charAt(i);
        if (inQuotes) {
          if (ch == '"') {
            if (i + 1 < n && text.charAt(i + 1) == '"') {
              field.append('"');
              i++;
            } else {
              inQuotes = false;
              closedQuote = true;
            }
          } else {
            if (ch == '\n') {
              line++;
            }
            field.append(ch);
          }
        } else if (ch == ',') {
          fields.add(field.toString());
          field.setLength(0);
          closedQuote = false;
        } else if (ch == '\r' || ch == '\n') {
          if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
            i++;
          }
          fields.add(field.toString());
          addRecord(records, recordLine, fields);
          fields = new ArrayList<>();
          field.setLength(0);
          closedQuote = false;
          line++;
          recordLine = line;
        } else if (closedQuote) {
          violations.add(new Violation("line " + line, MALFORMED_CSV,
              "unexpected character '" + ch + "' after a closing quote (a quote inside a field is written \"\")"));
          return records;
        } else if (ch == '"' && field.length() == 0) {
          inQuotes = true;
        } else if (ch == '"') {
          violations.add(new Violation("line " + line, MALFORMED_CSV,
              "a quote inside an unquoted field; quote the whole field and write the quote as \"\""));
          return records;
        } else {
          field.append(ch);
        }
      }
      if (inQuotes) {
        violations.add(new Violation("line " + recordLine, MALFORMED_CSV,
            "a quoted field starting on this line is never closed"));
        return records;
      }
      if (field.length() > 0 || !fields.isEmpty() || closedQuote) {
        fields.add(field.toString());
        addRecord(records, recordLine, fields);
      }
      return records;
    }

    private static void addRecord(List<CsvRecord> records, int line, List<String> fields) {
      // A blank line is not a record.
      if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
        records.add(new CsvRecord(line, List.copyOf(fields)));
      }
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new NotFoundException("benchmark file not found: " + file);
    } catch (IOException e) {
      throw new GenieHealException("cannot read benchmark file " + file + ": " + e.getMessage(), e);
    }
  }

  private static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static String what(Path file) {
    return "malformed benchmark file " + file;
  }

  private static String jsonError(JsonProcessingException e) {
    String where = e.getLocation() == null ? ""
        : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
    return where + "not valid JSON (" + e.getOriginalMessage() + ")";
  }
}
