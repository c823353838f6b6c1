package dev.genieheal.samples.retail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.StringJoiner;

/**
 * The retail analytics sample domain: regions, stores, customers, products, orders, order items and returns, with
 * deterministic generated data (the same seed gives the same rows) spanning 2023-01-01 to 2024-12-31.
 *
 * <p>Tables live in Unity Catalog style three-part names under {@code retail.sales}. {@link #script()} returns the
 * DDL and INSERT statements for a local warehouse. Immutable and thread-safe.
 */
public final class RetailDataset {
  /** The catalog and schema of every table. */
  public static final String SCHEMA = "retail.sales";
  /** Default seed used by the demo. */
  public static final long DEFAULT_SEED = 20_241_124L;

  static final String[] REGIONS = {"North", "South", "East", "West"};
  static final String[] CATEGORIES = {"Electronics", "Home", "Apparel", "Sports", "Toys"};
  static final String[] SEGMENTS = {"Consumer", "Corporate", "Small Business"};
  static final String[] CHANNELS = {"Online", "Mobile", "Phone"};
  static final String[] RETURN_REASONS = {"Damaged", "Wrong size", "Not as described", "Changed mind"};
  private static final String[] CITIES = {
    "Springfield", "Riverton", "Lakeside", "Fairview", "Georgetown", "Madison", "Clinton", "Franklin",
    "Greenville", "Salem", "Bristol", "Dover"};
  private static final String[] BRANDS = {"Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne"};
  private static final String[] FIRST = {"Ava", "Liam", "Mia", "Noah", "Zoe", "Ethan", "Ivy", "Lucas", "Nora", "Owen"};
  private static final String[] LAST = {"Smith", "Garcia", "Chen", "Patel", "Okafor", "Novak", "Rossi", "Kim"};
  private static final LocalDate START = LocalDate.of(2023, 1, 1);
  private static final int DAYS = 731;

  private final long seed;
  private final int customers;
  private final int products;
  private final int orders;

  private RetailDataset(long seed, int customers, int products, int orders) {
    this.seed = seed;
    this.customers = customers;
    this.products = products;
    this.orders = orders;
  }

  /** The demo's dataset: 800 customers, 120 products, 6,000 orders (about 15,000 order items). */
  public static RetailDataset standard(long seed) {
    return new RetailDataset(seed, 800, 120, 6_000);
  }

  /** A smaller dataset with the same shape, for fast tests. */
  public static RetailDataset small(long seed) {
    return new RetailDataset(seed, 120, 40, 600);
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /** The number of orders generated. */
  public int orderCount() {
    return orders;
  }

  /** Three-part name of a table of this dataset, e.g. {@code retail.sales.orders}. */
  public static String table(String name) {
    return SCHEMA + "." + Objects.requireNonNull(name, "name");
  }

  /** DDL plus INSERT statements creating and filling every table. */
  public String script() {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder sql = new StringBuilder(2_000_000);
    sql.append("CREATE TABLE ").append(table("regions")).append(" (region_id INTEGER, region_name VARCHAR);\n")
        .append("CREATE TABLE ").append(table("stores")).append(" (store_id INTEGER, store_name VARCHAR, "
            + "city VARCHAR, region_id INTEGER, opened_date DATE);\n")
        .append("CREATE TABLE ").append(table("customers")).append(" (customer_id INTEGER, first_name VARCHAR, "
            + "last_name VARCHAR, email VARCHAR, segment VARCHAR, city VARCHAR, region_id INTEGER, "
            + "signup_date DATE);\n")
        .append("CREATE TABLE ").append(table("products")).append(" (product_id INTEGER, product_name VARCHAR, "
            + "category VARCHAR, brand VARCHAR, list_price DECIMAL(10,2), unit_cost DECIMAL(10,2));\n")
        .append("CREATE TABLE ").append(table("orders")).append(" (order_id INTEGER, customer_id INTEGER, "
            + "store_id INTEGER, order_date DATE, channel VARCHAR, status VARCHAR);\n")
        .append("CREATE TABLE ").append(table("order_items")).append(" (order_item_id INTEGER, order_id INTEGER, "
            + "product_id INTEGER, quantity INTEGER, unit_price DECIMAL(10,2), discount DECIMAL(4,2));\n")
        .append("CREATE TABLE ").append(table("returns")).append(" (return_id INTEGER, order_item_id INTEGER, "
            + "return_date DATE, reason VARCHAR, refund_amount DECIMAL(10,2));\n");

    List<String> rows = new ArrayList<>();
    for (int i = 0; i < REGIONS.length; i++) {
      rows.add(values(i + 1, REGIONS[i]));
    }
    insert(sql, "regions", rows);

    int storeCount = CITIES.length;
    rows.clear();
    for (int i = 0; i < storeCount; i++) {
      rows.add(values(i + 1, CITIES[i] + " Store", CITIES[i], i % REGIONS.length + 1,
          date(START.minusDays(200 + random.nextInt(1500)))));
    }
    insert(sql, "stores", rows);

    rows.clear();
    for (int i = 1; i <= customers; i++) {
      String first = FIRST[random.nextInt(FIRST.length)];
      String last = LAST[random.nextInt(LAST.length)];
      int city = random.nextInt(CITIES.length);
      rows.add(values(i, first, last, (first + "." + last + i + "@example.com").toLowerCase(java.util.Locale.ROOT),
          SEGMENTS[weighted(random, 6, 3, 2)], CITIES[city], city % REGIONS.length + 1,
          date(START.minusDays(random.nextInt(900)))));
    }
    insert(sql, "customers", rows);

    BigDecimal[] listPrice = new BigDecimal[products + 1];
    rows.clear();
    for (int i = 1; i <= products; i++) {
      String category = CATEGORIES[(i - 1) % CATEGORIES.length];
      BigDecimal price = money(5 + random.nextDouble() * basePrice(category));
      listPrice[i] = price;
      BigDecimal cost = price.multiply(BigDecimal.valueOf(0.45 + random.nextDouble() * 0.3))
          .setScale(2, RoundingMode.HALF_UP);
      rows.add(values(i, category + " Item " + i, category, BRANDS[random.nextInt(BRANDS.length)], price, cost));
    }
    insert(sql, "products", rows);

    List<String> orderRows = new ArrayList<>();
    List<String> itemRows = new ArrayList<>();
    List<String> returnRows = new ArrayList<>();
    int itemId = 0;
    int returnId = 0;
    for (int o = 1; o <= orders; o++) {
      // Later days get more orders: the business grows, so monthly trends are visible.
      int day = (int) Math.min(DAYS - 1, Math.floor(Math.sqrt(random.nextDouble()) * DAYS));
      LocalDate orderDate = START.plusDays(day);
      String status = new String[] {"completed", "cancelled", "pending"}[weighted(random, 90, 6, 4)];
      orderRows.add(values(o, 1 + random.nextInt(customers), 1 + random.nextInt(storeCount), date(orderDate),
          CHANNELS[weighted(random, 50, 35, 15)], status));
      int items = 1 + weighted(random, 40, 30, 20, 10);
      for (int k = 0; k < items; k++) {
        itemId++;
        int product = 1 + random.nextInt(products);
        int quantity = 1 + weighted(random, 60, 25, 10, 5);
        BigDecimal discount = BigDecimal.valueOf(new int[] {0, 0, 0, 5, 10, 15}[random.nextInt(6)])
            .movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY);
        itemRows.add(values(itemId, o, product, quantity, listPrice[product], discount));
        if ("completed".equals(status) && random.nextInt(100) < 5) {
          returnId++;
          BigDecimal refund = listPrice[product].multiply(BigDecimal.valueOf(quantity))
              .multiply(BigDecimal.ONE.subtract(discount)).setScale(2, RoundingMode.HALF_UP);
          returnRows.add(values(returnId, itemId, date(orderDate.plusDays(3 + random.nextInt(25))),
              RETURN_REASONS[random.nextInt(RETURN_REASONS.length)], refund));
        }
      }
    }
    insert(sql, "orders", orderRows);
    insert(sql, "order_items", itemRows);
    insert(sql, "returns", returnRows);
    return sql.toString();
  }

  private static double basePrice(String category) {
    switch (category) {
      case "Electronics":
        return 900;
      case "Home":
        return 250;
      case "Sports":
        return 180;
      case "Apparel":
        return 90;
      default:
        return 60;
    }
  }

  private static int weighted(SplittableRandom random, int... weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int pick = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      pick -= weights[i];
      if (pick < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private static BigDecimal money(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
  }

  private static Raw date(LocalDate d) {
    return new Raw("DATE '" + d + "'");
  }

  /** A SQL fragment inserted as is (dates), as opposed to strings, which are quoted. */
  private record Raw(String sql) {
    @Override
    public String toString() {
      return sql;
    }
  }

  private static String values(Object... values) {
    StringJoiner row = new StringJoiner(", ", "(", ")");
    for (Object v : values) {
      if (v instanceof String s) {
        row.add("'" + s.replace("'", "''") + "'");
      } else {
        row.add(String.valueOf(v));
      }
    }
    return row.toString();
  }

  private static void insert(StringBuilder sql, String table, List<String> rows) {
    for (int from = 0; from < rows.size(); from += 1_000) {
      sql.append("INSERT INTO ").append(table(table)).append(" VALUES\n")
          .append(String.join(",\n", rows.subList(from, Math.min(rows.size(), from + 1_000)))).append(";\n");
    }
  }
}
