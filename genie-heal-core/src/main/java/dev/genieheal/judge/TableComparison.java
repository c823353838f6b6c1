package dev.genieheal.judge;

import dev.genieheal.judge.Cells.Kind;
import dev.genieheal.port.ResultTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** One run of {@link ResultComparator#compare}; holds the per-call state. Not thread-safe, used once. */
final class TableComparison {
  private static final long ROW_SEED = 0x2545F4914F6CDD1DL;
  private static final Object[] FAILED = new Object[0];
  private static final int MAX_SHOWN_COLUMNS = 8;
  private static final int MAX_CLOSEST_SCAN = 2_000;

  private final ComparisonOptions o;
  private final ResultTable expected;
  private final ResultTable actual;
  private final List<List<Object>> er;
  private final List<List<Object>> ar;
  private final int m;
  private final int n;
  private final boolean dem;
  private final Map<String, Object[]> coerced = new HashMap<>();
  private final Map<String, Long> fingerprints = new HashMap<>();
  private List<Integer> sortColumns = List.of();

  private Scan scanE;
  private Scan scanA;
  // the projection: column t of the comparison is expected column projE[t] and actual column projA[t]
  private int[] projE;
  private int[] projA;
  private Object[][] colE;
  private Object[][] colA;
  private int[] numericLast;
  private int typeDifferenceColumn = -1;

  TableComparison(ResultTable expected, ResultTable actual, ComparisonOptions options) {
    this.o = options;
    this.expected = expected;
    this.actual = actual;
    this.er = expected.rows();
    this.ar = actual.rows();
    this.m = expected.columns().size();
    this.n = actual.columns().size();
    this.dem = options.dateEqualsMidnight();
  }

  /** Cells per table up to which Genie's cell hashes are kept, so re-projecting costs no second object walk. */
  private static final long MAX_KEPT_CELL_HASHES = 16_000_000L;

  /** What one pass over a table learns; {@code cellHashes[r * width + c]} is kept for Genie's side only, or null. */
  private record Scan(Kind[] kinds, long[] fingerprints, long[] rowHashes, long[] cellHashes) {}

  private record Pairing(Object[] valuesE, Object[] valuesA) {}

  private record Rows(boolean passed, List<ReasonCode> reasons, String explanation, boolean acceptable,
      int missing, int extra) {}

  Comparison run(boolean ordered, List<Integer> sortColumns) {
    this.sortColumns = sortColumns;
    if (er.isEmpty() && ar.isEmpty()) {
      return new Comparison(true, List.of(), "both results are empty", false, identity(), 0, 0);
    }
    if (er.isEmpty()) {
      return new Comparison(false, List.of(ReasonCode.EMPTY_GOOD_SQL, ReasonCode.RESULT_EXTRA_ROWS),
          "the expected SQL returned no rows but Genie's returned " + ar.size()
              + "; the benchmark cannot tell right from wrong", true, identity(), 0, ar.size());
    }
    if (ar.isEmpty()) {
      return new Comparison(false, List.of(ReasonCode.EMPTY_RESULT),
          "Genie's result is empty but " + er.size() + " rows were expected" + truncationNote(), false,
          identity(), er.size(), 0);
    }
    scanE = scan(er, m, false);
    scanA = scan(ar, n, (long) ar.size() * n <= MAX_KEPT_CELL_HASHES);
    int[] mapping = new int[m];
    Pairing[] pairings = new Pairing[m];
    String typeDifference = mapColumns(mapping, pairings);
    List<Integer> mappingList = Arrays.stream(mapping).boxed().toList();
    List<String> missingColumns = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      if (mapping[i] < 0) {
        missingColumns.add(nameE(i));
      }
    }
    List<String> extraColumns = extraColumns(mapping);
    if (typeDifference != null) {
      List<ReasonCode> reasons = new ArrayList<>(List.of(ReasonCode.COLUMN_TYPE_DIFFERENCE));
      String text = typeDifference;
      if (missingColumns.size() > 1) {
        reasons.add(ReasonCode.RESULT_MISSING_COLUMNS);
        missingColumns.remove(nameE(typeDifferenceColumn));
        text += "; Genie's result also lacks " + quoteAll(missingColumns);
      }
      return new Comparison(false, reasons, text, false, mappingList, 0, 0);
    }
    if (missingColumns.size() == m && m > 0) {
      return new Comparison(false, List.of(ReasonCode.RESULT_MISSING_COLUMNS),
          "none of the expected columns " + quoteAll(missingColumns) + " matches a column of Genie's result "
              + quoteAll(namesA()), false, mappingList, 0, 0);
    }
    project(mapping, pairings);
    Rows rows = compareRows(ordered);
    List<ReasonCode> reasons = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    boolean extraFails = !extraColumns.isEmpty() && !o.allowExtraColumns();
    if (!missingColumns.isEmpty()) {
      reasons.add(ReasonCode.RESULT_MISSING_COLUMNS);
      text.append("Genie's result lacks expected column").append(missingColumns.size() > 1 ? "s " : " ")
          .append(quoteAll(missingColumns));
    }
    if (extraFails) {
      reasons.add(ReasonCode.RESULT_EXTRA_COLUMNS);
      appendSentence(text, "Genie's result has extra column" + (extraColumns.size() > 1 ? "s " : " ")
          + quoteAll(extraColumns) + " (not allowed)");
    }
    reasons.addAll(rows.reasons());
    boolean passed = rows.passed() && reasons.isEmpty();
    if (rows.passed()) {
      if (!reasons.isEmpty()) {
        appendSentence(text, "the " + projE.length + " matched column" + (projE.length > 1 ? "s agree" : " agrees")
            + " on all " + er.size() + " rows");
      } else {
        text.append(rows.explanation());
      }
    } else {
      appendSentence(text, rows.explanation());
    }
    if (passed && !extraColumns.isEmpty()) {
      reasons.add(ReasonCode.RESULT_EXTRA_COLUMNS);
      text.append("; Genie added column").append(extraColumns.size() > 1 ? "s " : " ")
          .append(quoteAll(extraColumns)).append(" (allowed)");
    }
    // a pass on the matched columns means only the column set differs: a person may accept that
    boolean acceptable = !passed && (rows.passed() || rows.acceptable());
    return new Comparison(passed, reasons, text.toString(), acceptable, mappingList, rows.missing(), rows.extra());
  }

  // ---------------------------------------------------------------- scanning and column mapping

  private Scan scan(List<List<Object>> rows, int cols, boolean keepCellHashes) {
    Kind[] kinds = new Kind[cols];
    Arrays.fill(kinds, Kind.NONE);
    Class<?>[] seen = new Class<?>[cols];
    long[] fp = new long[cols];
    long[] hashes = new long[rows.size()];
    long[] kept = keepCellHashes ? new long[rows.size() * cols] : null;
    for (int r = 0; r < hashes.length; r++) {
      List<Object> row = rows.get(r);
      long h = ROW_SEED;
      for (int c = 0; c < cols; c++) {
        Object v = row.get(c);
        long ch = Cells.hash(v, dem);
        h = Cells.combine(h, ch);
        fp[c] += ch;
        if (kept != null) {
          kept[r * cols + c] = ch;
        }
        if (v != null && v.getClass() != seen[c]) {
          seen[c] = v.getClass();
          kinds[c] = Cells.merge(kinds[c], Cells.kindOf(v));
        }
      }
      hashes[r] = h;
    }
    return new Scan(kinds, fp, hashes, kept);
  }

  /**
   * Proposes which of Genie's columns answers each expected column: equal value fingerprints first (ties broken
   * by position, then name), then equal names, then equal positions, then float-noise-tolerant fingerprints.
   * Never tries permutations: every step is O(m * n) fingerprint comparisons. Returns the first type difference
   * (a same-name or same-position column whose values cannot be compared), or null.
   */
  private String mapColumns(int[] mapping, Pairing[] pairings) {
    Arrays.fill(mapping, -1);
    boolean[] used = new boolean[n];
    Pairing[][] pairs = new Pairing[m][n];
    boolean[][] known = new boolean[m][n];
    // 1. by values, first among columns of the same kind, then parsing string columns (parsing costs a pass)
    mapByValues(mapping, pairings, used, pairs, known, false);
    mapByValues(mapping, pairings, used, pairs, known, true);
    // 2. by name, 3. by position
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n && mapping[i] < 0; j++) {
        if (!used[j] && sameName(i, j) && pairing(i, j, pairs, known) != null) {
          assign(i, j, mapping, pairings, used, pairs);
        }
      }
    }
    for (int i = 0; i < m; i++) {
      if (mapping[i] < 0 && i < n && !used[i] && pairing(i, i, pairs, known) != null) {
        assign(i, i, mapping, pairings, used, pairs);
      }
    }
    // 4. by values that differ only by float noise (renamed and moved columns with rounding differences)
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n && mapping[i] < 0; j++) {
        if (!used[j] && pairing(i, j, pairs, known) != null && fingerprintsEqual(i, j, pairs[i][j], true)) {
          assign(i, j, mapping, pairings, used, pairs);
        }
      }
    }
    for (int i = 0; i < m; i++) {
      if (mapping[i] >= 0) {
        continue;
      }
      for (int j = 0; j < n; j++) {
        if (!used[j] && (sameName(i, j) || i == j)) {
          typeDifferenceColumn = i;
          return "column " + quote(nameE(i)) + " holds " + describeKind(scanE.kinds()[i]) + " but Genie's column "
              + quote(nameA(j)) + " holds " + describeKind(scanA.kinds()[j]) + sampleOf(j);
        }
      }
    }
    return null;
  }

  private void mapByValues(int[] mapping, Pairing[] pairings, boolean[] used, Pairing[][] pairs, boolean[][] known,
      boolean coerce) {
    for (int i = 0; i < m; i++) {
      if (mapping[i] >= 0) {
        continue;
      }
      int best = -1;
      for (int j = 0; j < n; j++) {
        if (used[j] || (!coerce && !sameKinds(i, j)) || pairing(i, j, pairs, known) == null
            || !fingerprintsEqual(i, j, pairs[i][j], false)) {
          continue;
        }
        if (j == i) {
          best = j;
          break;
        }
        if (best < 0 || (sameName(i, j) && !sameName(i, best))) {
          best = j;
        }
      }
      assign(i, best, mapping, pairings, used, pairs);
    }
  }

  private boolean sameKinds(int i, int j) {
    return scanE.kinds()[i] == scanA.kinds()[j];
  }

  private static void assign(int i, int j, int[] mapping, Pairing[] pairings, boolean[] used, Pairing[][] pairs) {
    if (j >= 0) {
      mapping[i] = j;
      pairings[i] = pairs[i][j];
      used[j] = true;
    }
  }

  /** How expected column i and actual column j compare, or null when their values cannot be compared. */
  private Pairing pairing(int i, int j, Pairing[][] pairs, boolean[][] known) {
    if (known[i][j]) {
      return pairs[i][j];
    }
    known[i][j] = true;
    Kind ke = scanE.kinds()[i];
    Kind ka = scanA.kinds()[j];
    Pairing p = null;
    if (ke == ka || ke == Kind.NONE || ka == Kind.NONE || ke == Kind.MIXED || ka == Kind.MIXED) {
      p = new Pairing(null, null);
    } else if (o.coerceStrings() && ke == Kind.STRING && coercible(ka)) {
      Object[] values = coerced(true, i, ka);
      p = values == FAILED ? null : new Pairing(values, null);
    } else if (o.coerceStrings() && ka == Kind.STRING && coercible(ke)) {
      Object[] values = coerced(false, j, ke);
      p = values == FAILED ? null : new Pairing(null, values);
    }
    pairs[i][j] = p;
    return p;
  }

  private static boolean coercible(Kind k) {
    return k == Kind.NUMBER || k == Kind.TEMPORAL || k == Kind.BOOLEAN;
  }

  private Object[] coerced(boolean expectedSide, int c, Kind target) {
    return coerced.computeIfAbsent((expectedSide ? "e" : "a") + c + target, key -> {
      List<List<Object>> rows = expectedSide ? er : ar;
      Object[] out = new Object[rows.size()];
      for (int r = 0; r < out.length; r++) {
        Object raw = rows.get(r).get(c);
        out[r] = Cells.coerce(raw, target);
        if (raw != null && out[r] == null) {
          return FAILED;
        }
      }
      return out;
    });
  }

  private boolean fingerprintsEqual(int i, int j, Pairing p, boolean coarse) {
    long fe = !coarse && p.valuesE() == null ? scanE.fingerprints()[i] : fingerprint(true, i, p.valuesE(), coarse);
    long fa = !coarse && p.valuesA() == null ? scanA.fingerprints()[j] : fingerprint(false, j, p.valuesA(), coarse);
    return fe == fa;
  }

  private long fingerprint(boolean expectedSide, int c, Object[] values, boolean coarse) {
    String key = (expectedSide ? "e" : "a") + c + (coarse ? "~" : "") + (values == null ? "" : "*");
    return fingerprints.computeIfAbsent(key, k -> {
      List<List<Object>> rows = expectedSide ? er : ar;
      long fp = 0;
      for (int r = 0; r < rows.size(); r++) {
        Object v = values != null ? values[r] : rows.get(r).get(c);
        fp += coarse ? Cells.coarseHash(v, dem) : Cells.hash(v, dem);
      }
      return fp;
    });
  }

  private boolean sameName(int i, int j) {
    return normalizeName(nameE(i)).equals(normalizeName(nameA(j)));
  }

  private static String normalizeName(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (int k = 0; k < name.length(); k++) {
      char ch = name.charAt(k);
      if (Character.isLetterOrDigit(ch)) {
        b.append(Character.toLowerCase(ch));
      }
    }
    return b.toString();
  }

  private void project(int[] mapping, Pairing[] pairings) {
    int k = 0;
    for (int j : mapping) {
      k += j >= 0 ? 1 : 0;
    }
    projE = new int[k];
    projA = new int[k];
    colE = new Object[k][];
    colA = new Object[k][];
    List<Integer> numbers = new ArrayList<>();
    List<Integer> others = new ArrayList<>();
    int t = 0;
    for (int i = 0; i < m; i++) {
      if (mapping[i] >= 0) {
        projE[t] = i;
        projA[t] = mapping[i];
        colE[t] = pairings[i].valuesE();
        colA[t] = pairings[i].valuesA();
        boolean numeric = scanE.kinds()[i] == Kind.NUMBER || scanA.kinds()[mapping[i]] == Kind.NUMBER;
        (numeric ? numbers : others).add(t);
        t++;
      }
    }
    // exact columns first, so rows that differ only by numeric noise sort next to each other
    others.addAll(numbers);
    numericLast = others.stream().mapToInt(Integer::intValue).toArray();
  }

  // ---------------------------------------------------------------- rows

  private Object cellE(int r, int t) {
    return colE[t] != null ? colE[t][r] : er.get(r).get(projE[t]);
  }

  private Object cellA(int r, int t) {
    return colA[t] != null ? colA[t][r] : ar.get(r).get(projA[t]);
  }

  private Object cell(boolean expectedSide, int r, int t) {
    return expectedSide ? cellE(r, t) : cellA(r, t);
  }

  private long[] projectedHashes(boolean expectedSide) {
    Scan s = expectedSide ? scanE : scanA;
    int width = expectedSide ? m : n;
    int[] proj = expectedSide ? projE : projA;
    Object[][] conv = expectedSide ? colE : colA;
    boolean reusable = proj.length == width;
    for (int t = 0; t < proj.length && reusable; t++) {
      reusable = proj[t] == t && conv[t] == null;
    }
    if (reusable) {
      return s.rowHashes();
    }
    int rows = s.rowHashes().length;
    long[] kept = s.cellHashes();
    long[] hashes = new long[rows];
    for (int r = 0; r < rows; r++) {
      long h = ROW_SEED;
      int base = r * width;
      for (int t = 0; t < proj.length; t++) {
        long ch = kept != null && conv[t] == null ? kept[base + proj[t]] : Cells.hash(cell(expectedSide, r, t), dem);
        h = Cells.combine(h, ch);
      }
      hashes[r] = h;
    }
    return hashes;
  }

  private Rows compareRows(boolean ordered) {
    long[] he = projectedHashes(true);
    long[] ha = projectedHashes(false);
    if (ordered) {
      int limit = Math.min(he.length, ha.length);
      int firstMismatch = -1;
      for (int r = 0; r < limit && firstMismatch < 0; r++) {
        if (he[r] != ha[r] && !rowsEqual(r, r, o.relativeTolerance(), o.absoluteTolerance())) {
          firstMismatch = r;
        }
      }
      if (firstMismatch < 0 && he.length == ha.length) {
        return new Rows(true, List.of(), "all " + he.length + " rows match in order", false, 0, 0);
      }
      Rows bag = compareBags(he, ha);
      if (!bag.passed()) {
        return bag;
      }
      if (he.length == ha.length && onlyTiesReordered(he, ha)) {
        return new Rows(true, List.of(), "all " + he.length + " rows match; rows whose sort keys are equal come in "
            + "another order, which SQL leaves open", false, 0, 0);
      }
      return new Rows(false, List.of(ReasonCode.ROW_ORDER_DIFFERENCE),
          "the rows match but not in the order the expected SQL sorts them: row " + firstMismatch
              + " should be " + describeRow(true, firstMismatch) + " but Genie's is "
              + describeRow(false, firstMismatch), true, 0, 0);
    }
    return compareBags(he, ha);
  }

  /**
   * Whether the two orders differ only within runs of expected rows with equal sort keys: each such run must hold
   * the same rows, in any order, on both sides. Without known sort columns every reordering counts.
   */
  private boolean onlyTiesReordered(long[] he, long[] ha) {
    if (sortColumns.isEmpty()) {
      return false;
    }
    int start = 0;
    for (int r = 1; r <= he.length; r++) {
      if (r == he.length || !sameSortKey(er.get(r - 1), er.get(r))) {
        long[] e = Arrays.copyOfRange(he, start, r);
        long[] a = Arrays.copyOfRange(ha, start, r);
        Arrays.sort(e);
        Arrays.sort(a);
        if (!Arrays.equals(e, a)) {
          return false;
        }
        start = r;
      }
    }
    return true;
  }

  private boolean sameSortKey(List<Object> left, List<Object> right) {
    for (int c : sortColumns) {
      Object x = left.get(c);
      Object y = right.get(c);
      boolean same = Objects.equals(x, y)
          || (x instanceof java.math.BigDecimal bx && y instanceof java.math.BigDecimal by && bx.compareTo(by) == 0);
      if (!same) {
        return false;
      }
    }
    return true;
  }

  private Rows compareBags(long[] he, long[] ha) {
    if (he.length == ha.length && multisetHash(he, 0) == multisetHash(ha, 0)
        && multisetHash(he, 0x632BE59BD9B4E019L) == multisetHash(ha, 0x632BE59BD9B4E019L)) {
      return new Rows(true, List.of(), "all " + he.length + " rows match", false, 0, 0);
    }
    // sorted copies merge sequentially, which beats a million random probes into a hash table
    long[] se = he.clone();
    long[] sa = ha.clone();
    Arrays.sort(se);
    Arrays.sort(sa);
    LongMultiset unpairedE = new LongMultiset(16);
    LongMultiset unpairedA = new LongMultiset(16);
    int i = 0;
    int j = 0;
    while (i < se.length || j < sa.length) {
      if (j == sa.length || (i < se.length && se[i] < sa[j])) {
        unpairedE.add(se[i++]);
      } else if (i == se.length || sa[j] < se[i]) {
        unpairedA.add(sa[j++]);
      } else {
        i++;
        j++;
      }
    }
    IntList leftE = rowsWith(he, unpairedE);
    IntList leftA = rowsWith(ha, unpairedA);
    int[][] unmatched = matchLeftovers(leftE.toArray(), leftA.toArray(), o.relativeTolerance(),
        o.absoluteTolerance());
    int[] missing = unmatched[0];
    int[] extra = unmatched[1];
    if (missing.length == 0 && extra.length == 0) {
      return new Rows(true, List.of(), "all " + he.length + " rows match", false, 0, 0);
    }
    return explainRows(missing, extra);
  }

  /** The rows whose hash is in {@code wanted}, as many times as it is there. */
  private static IntList rowsWith(long[] hashes, LongMultiset wanted) {
    IntList rows = new IntList();
    if (wanted.isEmpty()) {
      return rows;
    }
    for (int r = 0; r < hashes.length; r++) {
      if (wanted.remove(hashes[r])) {
        rows.add(r);
      }
    }
    return rows;
  }

  private static long multisetHash(long[] hashes, long salt) {
    long sum = 0;
    for (long h : hashes) {
      sum += Cells.mix(h ^ salt);
    }
    return sum;
  }

  /**
   * Pairs rows that exact hashing could not (tolerance, coerced values): sorts both sides with exact columns
   * first, merges, then spends at most {@code maxPairwiseChecks} comparisons on what the merge left. Returns the
   * unmatched expected and actual rows.
   */
  private int[][] matchLeftovers(int[] le, int[] la, double rel, double abs) {
    if (le.length == 0 || la.length == 0) {
      return new int[][] {le, la};
    }
    Integer[] se = boxSorted(le, true);
    Integer[] sa = boxSorted(la, false);
    IntList ue = new IntList();
    IntList ua = new IntList();
    int i = 0;
    int j = 0;
    while (i < se.length && j < sa.length) {
      if (rowsEqual(se[i], sa[j], rel, abs)) {
        i++;
        j++;
      } else if (compareRows(true, se[i], false, sa[j]) < 0) {
        ue.add(se[i++]);
      } else {
        ua.add(sa[j++]);
      }
    }
    while (i < se.length) {
      ue.add(se[i++]);
    }
    while (j < sa.length) {
      ua.add(sa[j++]);
    }
    int[] e = ue.toArray();
    int[] a = ua.toArray();
    if (e.length == 0 || a.length == 0 || (long) e.length * a.length > o.maxPairwiseChecks()) {
      return new int[][] {e, a};
    }
    boolean[] taken = new boolean[a.length];
    IntList restE = new IntList();
    for (int x : e) {
      boolean found = false;
      for (int y = 0; y < a.length && !found; y++) {
        if (!taken[y] && rowsEqual(x, a[y], rel, abs)) {
          taken[y] = true;
          found = true;
        }
      }
      if (!found) {
        restE.add(x);
      }
    }
    IntList restA = new IntList();
    for (int y = 0; y < a.length; y++) {
      if (!taken[y]) {
        restA.add(a[y]);
      }
    }
    return new int[][] {restE.toArray(), restA.toArray()};
  }

  private Integer[] boxSorted(int[] rows, boolean expectedSide) {
    Integer[] boxed = Arrays.stream(rows).boxed().toArray(Integer[]::new);
    Arrays.sort(boxed, Comparator.comparing(r -> r, (x, y) -> compareRows(expectedSide, x, expectedSide, y)));
    return boxed;
  }

  private int compareRows(boolean sideX, int x, boolean sideY, int y) {
    for (int t : numericLast) {
      int c = Cells.order(cell(sideX, x, t), cell(sideY, y, t));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private boolean rowsEqual(int re, int ra, double rel, double abs) {
    for (int t = 0; t < projE.length; t++) {
      if (!Cells.equal(cellE(re, t), cellA(ra, t), rel, abs, dem)) {
        return false;
      }
    }
    return true;
  }

  private int firstDifference(int re, int ra) {
    for (int t = 0; t < projE.length; t++) {
      if (!Cells.equal(cellE(re, t), cellA(ra, t), o.relativeTolerance(), o.absoluteTolerance(), dem)) {
        return t;
      }
    }
    return -1;
  }

  private int differences(int re, int ra) {
    int count = 0;
    for (int t = 0; t < projE.length; t++) {
      if (!Cells.equal(cellE(re, t), cellA(ra, t), o.relativeTolerance(), o.absoluteTolerance(), dem)) {
        count++;
      }
    }
    return count;
  }

  private Rows explainRows(int[] missing, int[] extra) {
    Arrays.sort(missing);
    Arrays.sort(extra);
    List<ReasonCode> reasons = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    if (missing.length == 1 && extra.length == 1 && differences(missing[0], extra[0]) == 1) {
      reasons.add(ReasonCode.SINGLE_CELL_DIFFERENCE);
      int t = firstDifference(missing[0], extra[0]);
      text.append("one cell differs: ").append(describeCell(missing[0], extra[0], t));
    } else {
      if (missing.length > 0) {
        reasons.add(ReasonCode.RESULT_MISSING_ROWS);
      }
      if (extra.length > 0) {
        reasons.add(ReasonCode.RESULT_EXTRA_ROWS);
      }
      text.append(missing.length).append(" of ").append(er.size()).append(" expected rows missing and ")
          .append(extra.length).append(" of ").append(ar.size()).append(" of Genie's rows extra; ");
      if (missing.length > 0) {
        int closest = closest(missing[0], extra);
        if (closest >= 0) {
          int t = firstDifference(missing[0], closest);
          text.append("expected row ").append(missing[0]).append(" is closest to Genie's row ").append(closest)
              .append(", which differs in ").append(describeCell(missing[0], closest, t));
        } else {
          text.append("first missing: expected row ").append(missing[0]).append(' ')
              .append(describeRow(true, missing[0]));
        }
      } else {
        text.append("first extra: Genie's row ").append(extra[0]).append(' ').append(describeRow(false, extra[0]));
      }
    }
    text.append(truncationNote());
    boolean nearMiss = missing.length == extra.length && missing.length <= 100_000
        && matchLeftovers(missing, extra, o.nearMissTolerance(), o.absoluteTolerance())[0].length == 0;
    if (nearMiss) {
      text.append(" (every difference is numeric and within a relative ").append(o.nearMissTolerance())
          .append(": may be rounding)");
    }
    return new Rows(false, reasons, text.toString(), nearMiss, missing.length, extra.length);
  }

  private int closest(int re, int[] candidates) {
    int best = -1;
    int bestDiff = Integer.MAX_VALUE;
    for (int k = 0; k < candidates.length && k < MAX_CLOSEST_SCAN; k++) {
      int d = differences(re, candidates[k]);
      if (d < bestDiff) {
        best = candidates[k];
        bestDiff = d;
      }
    }
    return best;
  }

  private String describeCell(int re, int ra, int t) {
    int max = o.maxExplainedChars();
    return "column " + quote(nameE(projE[t])) + ": expected " + Cells.display(cellE(re, t), max) + ", got "
        + Cells.display(cellA(ra, t), max);
  }

  private String describeRow(boolean expectedSide, int r) {
    StringBuilder b = new StringBuilder("(");
    for (int t = 0; t < projE.length; t++) {
      if (t == MAX_SHOWN_COLUMNS) {
        b.append(", …");
        break;
      }
      b.append(t == 0 ? "" : ", ").append(nameE(projE[t])).append('=')
          .append(Cells.display(cell(expectedSide, r, t), o.maxExplainedChars()));
    }
    return b.append(')').toString();
  }

  // ---------------------------------------------------------------- names and notes

  private String truncationNote() {
    if (actual.truncated() && expected.truncated()) {
      return " (both results were truncated, so rows beyond the cap were not compared)";
    }
    if (actual.truncated()) {
      return " (Genie's result was truncated at " + ar.size() + " rows)";
    }
    return expected.truncated() ? " (the expected result was truncated at " + er.size() + " rows)" : "";
  }

  private List<Integer> identity() {
    List<Integer> mapping = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      mapping.add(i < n ? i : -1);
    }
    return mapping;
  }

  private List<String> extraColumns(int[] mapping) {
    boolean[] used = new boolean[n];
    for (int j : mapping) {
      if (j >= 0) {
        used[j] = true;
      }
    }
    List<String> extra = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      if (!used[j]) {
        extra.add(nameA(j));
      }
    }
    return extra;
  }

  private String sampleOf(int j) {
    for (List<Object> row : ar) {
      Object v = row.get(j);
      if (v != null) {
        return " (e.g. " + Cells.display(v, o.maxExplainedChars()) + ")";
      }
    }
    return "";
  }

  private static String describeKind(Kind kind) {
    switch (kind) {
      case NUMBER:
        return "numbers";
      case TEMPORAL:
        return "dates/timestamps";
      case BOOLEAN:
        return "booleans";
      case BINARY:
        return "binary values";
      case STRING:
        return "strings";
      default:
        return kind.name().toLowerCase(Locale.ROOT) + " values";
    }
  }

  private String nameE(int i) {
    return expected.columns().get(i).name();
  }

  private String nameA(int j) {
    return actual.columns().get(j).name();
  }

  private List<String> namesA() {
    return actual.columns().stream().map(ResultTable.Column::name).toList();
  }

  private static void appendSentence(StringBuilder text, String sentence) {
    if (text.length() > 0) {
      text.append("; ");
    }
    text.append(sentence);
  }

  private static String quote(String name) {
    return "'" + name + "'";
  }

  private static String quoteAll(List<String> names) {
    StringBuilder b = new StringBuilder();
    for (String name : names) {
      b.append(b.length() == 0 ? "" : ", ").append(quote(name));
    }
    return b.toString();
  }

  /** A growable int array, to keep row indices unboxed. */
  private static final class IntList {
    private int[] values = new int[16];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
