package dev.genieheal.analyze;

import dev.genieheal.score.QuestionResult;
import dev.genieheal.sql.SqlStructure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Groups failures by (category, tables of the expected SQL), largest group first, deterministically. */
final class FailureClustering {
  private FailureClustering() {}

  static List<FailureCluster> cluster(List<QuestionResult> failures, FailureCategorizer categorizer) {
    Map<String, List<FailureCluster.Member>> groups = new LinkedHashMap<>();
    Map<String, FailureCategory> categories = new LinkedHashMap<>();
    Map<String, List<String>> tables = new LinkedHashMap<>();
    for (QuestionResult r : failures) {
      Categorization c = categorizer.categorize(r);
      List<String> involved = new ArrayList<>(new TreeSet<>(SqlStructure.parse(r.benchmark().expectedSql())
          .map(s -> s.tables().stream().map(SqlStructure.TableRef::name).toList())
          .orElse(List.of())));
      String key = c.category().id() + "|" + involved;
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new FailureCluster.Member(r, c));
      categories.put(key, c.category());
      tables.put(key, involved);
    }
    List<FailureCluster> clusters = new ArrayList<>();
    groups.forEach((key, members) -> clusters.add(new FailureCluster(categories.get(key), tables.get(key), members)));
    clusters.sort(Comparator.comparingInt((FailureCluster c) -> -c.failures().size())
        .thenComparing(FailureCluster::label));
    return clusters;
  }
}
