package dev.genieheal.doubles;

import dev.genieheal.fix.AppliedFix;
import dev.genieheal.fix.ColumnSynonymsFix;
import dev.genieheal.fix.Fix;
import dev.genieheal.fix.FixApplier;
import dev.genieheal.fix.FixRequest;
import dev.genieheal.fix.FixResult;
import dev.genieheal.fix.RejectedFix;
import dev.genieheal.space.ColumnConfig;
import dev.genieheal.space.DataObject;
import dev.genieheal.space.GenieSpace;
import java.util.ArrayList;
import java.util.List;

/** Applies column-synonym fixes (adding the column config when missing); rejects every other fix type. */
public final class SynonymApplier implements FixApplier {
  @Override
  public FixResult apply(FixRequest request) {
    GenieSpace space = request.space();
    List<AppliedFix> applied = new ArrayList<>();
    List<RejectedFix> rejected = new ArrayList<>();
    for (Fix fix : request.fixes()) {
      if (!(fix instanceof ColumnSynonymsFix s)) {
        rejected.add(new RejectedFix(fix, fix.toString(), "unsupported by the stub applier"));
        continue;
      }
      int t = indexOfTable(space, s.table());
      if (t < 0) {
        rejected.add(new RejectedFix(fix, fix.toString(), "unknown table " + s.table()));
        continue;
      }
      DataObject table = space.tables().get(t);
      ColumnConfig before = table.column(s.column()).orElse(ColumnConfig.of(s.column()));
      List<String> synonyms = new ArrayList<>(before.synonyms());
      s.synonyms().stream().filter(x -> !synonyms.contains(x)).forEach(synonyms::add);
      ColumnConfig after = before.withSynonyms(synonyms);
      List<ColumnConfig> configs = new ArrayList<>(table.columnConfigs());
      int at = configs.indexOf(before);
      if (at >= 0) {
        configs.set(at, after);
      } else {
        configs.add(after);
        configs.sort(java.util.Comparator.comparing(ColumnConfig::columnName));
      }
      List<DataObject> tables = new ArrayList<>(space.tables());
      tables.set(t, table.withColumnConfigs(configs));
      space = space.withTables(tables);
      applied.add(new AppliedFix(fix, "$.data_sources.tables[" + t + "].column_configs",
          "{\"synonyms\":" + quote(before.synonyms()) + "}", "{\"synonyms\":" + quote(synonyms) + "}"));
    }
    // FixApplier's contract: the result is canonical (and valid); re-adding a config at the end unsorts the list.
    return new FixResult(space.canonicalize(), applied, rejected);
  }

  private static int indexOfTable(GenieSpace space, String identifier) {
    for (int i = 0; i < space.tables().size(); i++) {
      if (space.tables().get(i).identifier().equalsIgnoreCase(identifier)) {
        return i;
      }
    }
    return -1;
  }

  private static String quote(List<String> values) {
    return values.stream().map(v -> "\"" + v + "\"").toList().toString().replace(", ", ",");
  }
}
