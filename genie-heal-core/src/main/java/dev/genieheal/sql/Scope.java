package dev.genieheal.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;

/**
 * The FROM items one SELECT can refer to, with the outer SELECT's scope for correlated references. Resolves a
 * column qualifier (an alias, a short or a full table name) to the item it names.
 */
final class Scope {
  private final Scope parent;
  private final List<Entry> entries = new ArrayList<>();

  Scope(Scope parent) {
    this.parent = parent;
  }

  /**
   * One FROM item.
   *
   * @param item the parsed item
   * @param name the table's full name in comparison form, or the alias of a derived table
   * @param alias the alias as written, in comparison form, or null
   * @param isTable whether the item is a warehouse table (not a CTE, subquery or lateral view)
   */
  record Entry(FromItem item, String name, String alias, boolean isTable) {
    String shortName() {
      return name.substring(name.lastIndexOf('.') + 1);
    }
  }

  void add(FromItem item, String name, String alias, boolean isTable) {
    entries.add(new Entry(item, name, alias, isTable));
  }

  List<Entry> entries() {
    return entries;
  }

  /** The only item of this SELECT, when there is exactly one. */
  Optional<Entry> single() {
    return entries.size() == 1 ? Optional.of(entries.get(0)) : Optional.empty();
  }

  /** Whether the entry belongs to this scope (not to an outer one). */
  boolean isLocal(Entry entry) {
    return entries.contains(entry);
  }

  /** The item a qualifier names, searching outwards; aliases win over table names. */
  Optional<Entry> resolve(Table qualifier) {
    String q = name(qualifier);
    if (q.isEmpty()) {
      return Optional.empty();
    }
    for (Scope s = this; s != null; s = s.parent) {
      for (Entry e : s.entries) {
        if (q.equals(e.alias)) {
          return Optional.of(e);
        }
      }
      for (Entry e : s.entries) {
        if (e.alias == null || !e.isTable) {
          if (q.equals(e.name) || e.name.endsWith("." + q) || q.endsWith("." + e.name)) {
            return Optional.of(e);
          }
        }
      }
      // Spark also accepts the table name of an aliased table; resolve it last so aliases keep priority.
      for (Entry e : s.entries) {
        if (e.isTable && (q.equals(e.name) || e.name.endsWith("." + q))) {
          return Optional.of(e);
        }
      }
    }
    return Optional.empty();
  }

  /** A table's full name in comparison form: lower case, quotes removed. */
  static String name(Table table) {
    if (table == null || table.getFullyQualifiedName() == null) {
      return "";
    }
    return comparable(table.getFullyQualifiedName());
  }

  /** An identifier in comparison form: lower case, back-ticks and double quotes removed. */
  static String comparable(String identifier) {
    return identifier == null ? "" : identifier.replace("`", "").replace("\"", "").toLowerCase(Locale.ROOT);
  }
}
