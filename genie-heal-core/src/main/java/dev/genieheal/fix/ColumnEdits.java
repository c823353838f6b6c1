package dev.genieheal.fix;

import dev.genieheal.space.Catalog;
import dev.genieheal.space.ColumnConfig;
import dev.genieheal.space.DataObject;
import dev.genieheal.space.GenieSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The edits of the table and column fixes: descriptions, synonyms and flags. */
final class ColumnEdits {
  private ColumnEdits() {}

  static Edit tableDescription(GenieSpace space, Catalog catalog, TableDescriptionFix fix) {
    Optional<String> problem = Targets.tableProblem(space, catalog, fix.table());
    if (problem.isPresent()) {
      return Edit.refused(problem.get());
    }
    Targets.TableRef ref = Targets.table(space, fix.table()).orElseThrow();
    DataObject table = ref.table();
    String refusal = descriptionRefusal(table.descriptionText(), fix.description(), fix.replace(),
        "table " + fix.table());
    if (refusal != null) {
      return Edit.refused(refusal);
    }
    DataObject updated = table.withDescription(Lines.split(fix.description()));
    return Edit.changed(Targets.replace(space, ref, updated), Targets.tableLocator(fix.table(), ".description"));
  }

  static Edit columnDescription(GenieSpace space, Catalog catalog, ColumnDescriptionFix fix) {
    return editColumn(space, catalog, fix.table(), fix.column(), column -> {
      String refusal = descriptionRefusal(column.descriptionText(), fix.description(), fix.replace(),
          "column " + fix.table() + "." + fix.column());
      if (refusal != null) {
        throw new Refusal(refusal);
      }
      return column.withDescription(Lines.split(fix.description()));
    });
  }

  static Edit columnSynonyms(GenieSpace space, Catalog catalog, ColumnSynonymsFix fix) {
    return editColumn(space, catalog, fix.table(), fix.column(), column -> {
      List<String> synonyms = new ArrayList<>(column.synonyms());
      Set<String> seen = new HashSet<>();
      synonyms.forEach(s -> seen.add(Lines.norm(s)));
      int before = synonyms.size();
      for (String s : fix.synonyms()) {
        if (seen.add(Lines.norm(s))) {
          synonyms.add(s.strip());
        }
      }
      if (synonyms.size() == before) {
        throw new Refusal(RejectedFix.ALREADY_PRESENT);
      }
      return column.withSynonyms(synonyms);
    });
  }

  static Edit columnFlags(GenieSpace space, Catalog catalog, ColumnFlagsFix fix) {
    return editColumn(space, catalog, fix.table(), fix.column(), column -> {
      Boolean format = fix.formatAssistance() != null ? fix.formatAssistance() : column.enableFormatAssistance();
      Boolean entity = fix.entityMatching() != null ? fix.entityMatching() : column.enableEntityMatching();
      Boolean exclude = fix.exclude() != null ? fix.exclude() : column.exclude();
      if (Boolean.TRUE.equals(fix.entityMatching())) {
        if (Boolean.FALSE.equals(fix.formatAssistance())) {
          throw new Refusal("entity matching needs format assistance; the fix turns one on and the other off");
        }
        format = Boolean.TRUE;
      }
      if (Boolean.TRUE.equals(entity) && !Boolean.TRUE.equals(format)) {
        throw new Refusal("column " + fix.table() + "." + fix.column()
            + " uses entity matching, which needs format assistance; turn entity matching off too");
      }
      return column.withFlags(exclude, format, entity);
    });
  }

  /** Why a description fix does not apply, or null when it does. */
  private static String descriptionRefusal(String current, String proposed, boolean replace, String what) {
    if (Lines.norm(current).equals(Lines.norm(proposed))) {
      return RejectedFix.ALREADY_PRESENT;
    }
    if (!current.isBlank() && !replace) {
      return what + " already has a description; set replace to overwrite it";
    }
    return null;
  }

  /** Applies {@code change} to the column's config, creating the config when the column has none. */
  private static Edit editColumn(GenieSpace space, Catalog catalog, String table, String column,
      UnaryOperator<ColumnConfig> change) {
    Optional<String> problem = Targets.columnProblem(space, catalog, table, column);
    if (problem.isPresent()) {
      return Edit.refused(problem.get());
    }
    Targets.TableRef ref = Targets.table(space, table).orElseThrow();
    int index = ref.columnIndex(column);
    List<ColumnConfig> configs = new ArrayList<>(ref.table().columnConfigs());
    ColumnConfig current = index < 0 ? ColumnConfig.of(Targets.spelling(catalog, table, column)) : configs.get(index);
    ColumnConfig updated;
    try {
      updated = change.apply(current);
    } catch (Refusal r) {
      return Edit.refused(r.getMessage());
    }
    if (index < 0) {
      configs.add(updated);
    } else {
      configs.set(index, updated);
    }
    GenieSpace changed = Targets.replace(space, ref, ref.table().withColumnConfigs(configs));
    return Edit.changed(changed, Targets.columnLocator(table, column));
  }

  /** Ends a column change early with a reason; never escapes this class. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refusal(String reason) {
      super(reason, null, false, false);
    }
  }
}
