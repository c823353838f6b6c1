package dev.genieheal.fix;

import static dev.genieheal.fix.SpaceSamples.CUSTOMERS;
import static dev.genieheal.fix.SpaceSamples.ORDERS;
import static dev.genieheal.fix.SpaceSamples.PRODUCTS;
import static dev.genieheal.fix.SpaceSamples.REVENUE_MV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genieheal.error.ValidationException;
import dev.genieheal.space.Catalog;
import dev.genieheal.space.ColumnConfig;
import dev.genieheal.space.DataObject;
import dev.genieheal.space.ExampleQuestionSql;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.space.IdGenerator;
import dev.genieheal.space.JoinSpec;
import dev.genieheal.space.Parameter;
import dev.genieheal.space.RelationshipType;
import dev.genieheal.space.SnippetKind;
import dev.genieheal.space.SpaceValidator;
import dev.genieheal.space.SqlSnippet;
import dev.genieheal.space.TextInstruction;
import dev.genieheal.space.UnknownFields;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultFixApplierTest {
  private final FixApplier applier = DefaultFixApplier.builder().idGenerator(IdGenerator.sequential(0)).build();

  private FixResult apply(Fix... fixes) {
    return applier.apply(new FixRequest(SpaceSamples.sales(), List.of(fixes), null));
  }

  private FixResult applyWithCatalog(Fix... fixes) {
    return applier.apply(new FixRequest(SpaceSamples.sales(), List.of(fixes), SpaceSamples.catalog()));
  }

  private static String onlyRejection(FixResult result) {
    assertThat(result.applied()).isEmpty();
    assertThat(result.rejected()).hasSize(1);
    return result.rejected().get(0).reason();
  }

  private static DataObject table(GenieSpace space, String identifier) {
    return space.dataObject(identifier).orElseThrow();
  }

  private static ColumnConfig column(GenieSpace space, String identifier, String column) {
    return table(space, identifier).column(column).orElseThrow();
  }

  // ---- table description -----------------------------------------------------------------------------------

  @Test
  void apply_tableDescriptionOnUndescribedTable_setsItWithAudit() {
    FixResult result = apply(FixSamples.tableDescription());

    assertThat(table(result.space(), CUSTOMERS).description()).containsExactly("One row per customer.");
    AppliedFix audit = result.applied().get(0);
    assertThat(audit.fix()).isEqualTo(FixSamples.tableDescription());
    assertThat(audit.path()).isEqualTo("$.data_sources.tables[0].description");
    assertThat(audit.before()).isNull();
    assertThat(audit.after()).isEqualTo("[\"One row per customer.\"]");
  }

  @Test
  void apply_tableDescriptionOnMetricView_pathNamesMetricViews() {
    FixResult result = apply(new TableDescriptionFix(REVENUE_MV, "Revenue by region.", false, "", List.of()));

    assertThat(result.applied().get(0).path()).isEqualTo("$.data_sources.metric_views[0].description");
  }

  @Test
  void apply_tableDescriptionOverExistingWithoutReplace_isRejected() {
    String reason = onlyRejection(apply(new TableDescriptionFix(ORDERS, "One row per order.", false, "", List.of())));

    assertThat(reason).contains(ORDERS).contains("already has a description").contains("replace");
  }

  @Test
  void apply_tableDescriptionWithReplace_keepsOldValueInAudit() {
    FixResult result = apply(new TableDescriptionFix(ORDERS, "One row per order.", true, "", List.of()));

    assertThat(table(result.space(), ORDERS).descriptionText()).isEqualTo("One row per order.");
    assertThat(result.applied().get(0).before()).isEqualTo("[\"Orders.\"]");
    assertThat(result.applied().get(0).after()).isEqualTo("[\"One row per order.\"]");
  }

  @Test
  void apply_multiLineDescription_isSplitIntoLines() {
    FixResult result = apply(new TableDescriptionFix(CUSTOMERS, "Line one.\r\nLine two.\n", false, "", List.of()));

    assertThat(table(result.space(), CUSTOMERS).description()).containsExactly("Line one.\n", "Line two.");
  }

  @Test
  void apply_tableNotInSpace_isRejectedNamingIt() {
    String reason = onlyRejection(apply(new TableDescriptionFix("main.hr.staff", "Staff.", false, "", List.of())));

    assertThat(reason).isEqualTo("table main.hr.staff is not in the space");
  }

  @Test
  void apply_tableMatchedIgnoringCaseAndBackticks_applies() {
    FixResult result = apply(new TableDescriptionFix("`MAIN`.sales.`Customers`", "People.", false, "", List.of()));

    assertThat(table(result.space(), CUSTOMERS).descriptionText()).isEqualTo("People.");
  }

  // ---- column description ------------------------------------------------------------------------------------

  @Test
  void apply_columnDescriptionOnColumnWithoutConfig_createsConfig() {
    FixResult result = apply(new ColumnDescriptionFix(ORDERS, "net_amount", "Amount after discounts.", false, "",
        List.of()));

    ColumnConfig created = column(result.space(), ORDERS, "net_amount");
    assertThat(created.description()).containsExactly("Amount after discounts.");
    AppliedFix audit = result.applied().get(0);
    assertThat(audit.path()).isEqualTo("$.data_sources.tables[1].column_configs[0]");
    assertThat(audit.before()).isNull();
    assertThat(audit.after()).contains("\"column_name\":\"net_amount\"");
    assertThat(table(result.space(), ORDERS).columnConfigs()).extracting(ColumnConfig::columnName)
        .containsExactly("net_amount", "status");
  }

  @Test
  void apply_columnDescriptionOnConfiguredColumn_keepsOtherSettings() {
    FixResult result = apply(FixSamples.columnDescription());

    ColumnConfig status = column(result.space(), ORDERS, "status");
    assertThat(status.descriptionText()).isEqualTo("Order status: OPEN, SHIPPED or CANCELLED.");
    assertThat(status.synonyms()).containsExactly("state");
    assertThat(status.formatAssistance()).isTrue();
    assertThat(result.applied().get(0).before()).contains("\"state\"").doesNotContain("description");
  }

  @Test
  void apply_columnDescriptionOverExistingWithoutReplace_isRejected() {
    FixResult first = apply(FixSamples.columnDescription());
    FixResult second = applier.apply(new FixRequest(first.space(),
        List.of(new ColumnDescriptionFix(ORDERS, "status", "Something else.", false, "", List.of())), null));

    assertThat(onlyRejection(second)).contains("column " + ORDERS + ".status already has a description");
  }

  @Test
  void apply_columnNotInWarehouse_isRejectedNamingIt() {
    String reason = onlyRejection(applyWithCatalog(
        new ColumnDescriptionFix(ORDERS, "discount", "Discount.", false, "", List.of())));

    assertThat(reason).startsWith("column discount does not exist in table " + ORDERS + " in the warehouse")
        .contains("net_amount");
  }

  @Test
  void apply_columnWithCatalog_usesWarehouseSpelling() {
    FixResult result = applyWithCatalog(new ColumnDescriptionFix(ORDERS, "NET_AMOUNT", "Amount.", false, "",
        List.of()));

    assertThat(table(result.space(), ORDERS).columnConfigs()).extracting(ColumnConfig::columnName)
        .contains("net_amount");
  }

  // ---- synonyms ----------------------------------------------------------------------------------------------

  @Test
  void apply_synonyms_unionIgnoringCaseKeepsExisting() {
    FixResult result = apply(new ColumnSynonymsFix(ORDERS, "status", List.of("STATE", "order status",
        "Order Status"), "", List.of()));

    assertThat(column(result.space(), ORDERS, "status").synonyms()).containsExactly("state", "order status");
    assertThat(result.applied().get(0).before()).contains("[\"state\"]");
  }

  @Test
  void apply_synonymsAllPresent_isAlreadyPresent() {
    FixResult result = apply(new ColumnSynonymsFix(ORDERS, "status", List.of(" State "), "", List.of()));

    assertThat(result.rejected()).singleElement().satisfies(r -> assertThat(r.isAlreadyPresent()).isTrue());
  }

  // ---- flags -------------------------------------------------------------------------------------------------

  @Test
  void apply_entityMatching_turnsFormatAssistanceOn() {
    FixResult result = apply(FixSamples.columnFlags());

    ColumnConfig city = column(result.space(), CUSTOMERS, "city");
    assertThat(city.enableEntityMatching()).isTrue();
    assertThat(city.enableFormatAssistance()).isTrue();
  }

  @Test
  void apply_entityMatchingWithFormatAssistanceOff_isRejected() {
    String reason = onlyRejection(apply(new ColumnFlagsFix(CUSTOMERS, "city", false, true, null, "", List.of())));

    assertThat(reason).contains("entity matching needs format assistance");
  }

  @Test
  void apply_formatAssistanceOffUnderEntityMatching_isRejected() {
    FixResult first = apply(FixSamples.columnFlags());
    FixResult second = applier.apply(new FixRequest(first.space(),
        List.of(new ColumnFlagsFix(CUSTOMERS, "city", false, null, null, "", List.of())), null));

    assertThat(onlyRejection(second)).contains("turn entity matching off too");
  }

  @Test
  void apply_excludeFlag_setsOnlyThatFlag() {
    FixResult result = apply(new ColumnFlagsFix(ORDERS, "status", null, null, true, "", List.of()));

    ColumnConfig status = column(result.space(), ORDERS, "status");
    assertThat(status.excluded()).isTrue();
    assertThat(status.enableFormatAssistance()).isTrue();
    assertThat(status.enableEntityMatching()).isNull();
  }

  // ---- join specs --------------------------------------------------------------------------------------------

  @Test
  void apply_joinSpec_addsBacktickedSpecWithMarker() {
    FixResult result = apply(FixSamples.joinSpec());

    JoinSpec added = result.space().joinSpecs().get(result.space().joinSpecs().size() - 1);
    assertThat(added.sql()).containsExactly("`orders`.`customer_id` = `customers`.`customer_id`",
        "--rt=FROM_RELATIONSHIP_TYPE_MANY_TO_ONE--");
    assertThat(added.left().alias()).isEqualTo("orders");
    assertThat(added.right().identifier()).isEqualTo(CUSTOMERS);
    assertThat(added.comment()).containsExactly("Each order belongs to one customer.");
    assertThat(added.id()).isGreaterThan(SpaceSamples.MAX_INSTRUCTION_ID);
    assertThat(result.applied().get(0).path()).isEqualTo("$.instructions.join_specs[1]");
  }

  @Test
  void apply_joinSpecReversedEquivalent_isAlreadyPresent() {
    FixResult first = apply(FixSamples.joinSpec());
    JoinSpecFix reversed = new JoinSpecFix(CUSTOMERS, "CUSTOMER_ID", ORDERS, "customer_id",
        RelationshipType.ONE_TO_MANY, "", null, "", List.of());
    FixResult second = applier.apply(new FixRequest(first.space(), List.of(reversed), null));

    assertThat(second.rejected()).singleElement().satisfies(r -> assertThat(r.isAlreadyPresent()).isTrue());
  }

  @Test
  void apply_joinSpecSameColumnsOtherRelationship_isRejectedNamingExisting() {
    String reason = onlyRejection(apply(new JoinSpecFix(ORDERS, "product_id", PRODUCTS, "product_id",
        RelationshipType.MANY_TO_ONE, "", null, "", List.of())));

    assertThat(reason).contains(SpaceSamples.WRONG_JOIN_ID).contains("replaces_id");
  }

  @Test
  void apply_joinSpecReplacing_keepsIdAndOldJsonInAudit() {
    FixResult result = apply(new JoinSpecFix(ORDERS, "product_id", PRODUCTS, "product_id",
        RelationshipType.MANY_TO_ONE, "", SpaceSamples.WRONG_JOIN_ID, "wrong cardinality", List.of()));

    assertThat(result.space().joinSpecs()).singleElement().satisfies(j -> {
      assertThat(j.id()).isEqualTo(SpaceSamples.WRONG_JOIN_ID);
      assertThat(j.relationshipType()).contains(RelationshipType.MANY_TO_ONE);
      assertThat(j.comment()).containsExactly("Order lines to products.");
    });
    AppliedFix audit = result.applied().get(0);
    assertThat(audit.path()).isEqualTo("$.instructions.join_specs[0]");
    assertThat(audit.before()).contains("MANY_TO_MANY").contains(SpaceSamples.WRONG_JOIN_ID);
    assertThat(audit.after()).contains("FROM_RELATIONSHIP_TYPE_MANY_TO_ONE");
  }

  @Test
  void apply_joinSpecReplacingUnknownId_isRejected() {
    String unknown = SpaceSamples.id(0x99);
    String reason = onlyRejection(apply(new JoinSpecFix(ORDERS, "customer_id", CUSTOMERS, "customer_id",
        RelationshipType.MANY_TO_ONE, "", unknown, "", List.of())));

    assertThat(reason).isEqualTo("join spec " + unknown + " to replace is not in the space");
  }

  @Test
  void apply_joinSpecWithTableNotInSpace_isRejected() {
    String reason = onlyRejection(apply(new JoinSpecFix(ORDERS, "customer_id", "main.crm.accounts", "id",
        RelationshipType.MANY_TO_ONE, "", null, "", List.of())));

    assertThat(reason).isEqualTo("table main.crm.accounts is not in the space");
  }

  @Test
  void apply_joinSpecColumnNotInWarehouse_isRejected() {
    String reason = onlyRejection(applyWithCatalog(new JoinSpecFix(ORDERS, "client_id", CUSTOMERS, "customer_id",
        RelationshipType.MANY_TO_ONE, "", null, "", List.of())));

    assertThat(reason).startsWith("column client_id does not exist in table " + ORDERS);
  }

  @Test
  void apply_selfJoin_isRejectedNamingAlias() {
    String reason = onlyRejection(apply(new JoinSpecFix(ORDERS, "order_id", ORDERS, "order_id",
        RelationshipType.ONE_TO_ONE, "", null, "", List.of())));

    assertThat(reason).contains("alias orders");
  }

  // ---- example SQL -------------------------------------------------------------------------------------------

  @Test
  void apply_exampleSql_addsSplitSqlParametersAndGuidance() {
    FixResult result = apply(FixSamples.exampleSql());

    ExampleQuestionSql added = result.space().exampleQuestionSqls().get(1);
    assertThat(added.question()).containsExactly("What is the revenue in a region?");
    assertThat(added.sql()).containsExactly("SELECT SUM(o.net_amount)\n", "FROM main.sales.orders o\n",
        "JOIN main.sales.customers c ON o.customer_id = c.customer_id\n", "WHERE c.region = :region");
    assertThat(added.parameters()).extracting(Parameter::name).containsExactly("region");
    assertThat(added.usageGuidance()).containsExactly("Use for revenue by region questions.");
    assertThat(added.id()).isGreaterThan(SpaceSamples.MAX_INSTRUCTION_ID);
    assertThat(result.applied().get(0).path()).isEqualTo("$.instructions.example_question_sqls[1]");
    assertThat(result.applied().get(0).after()).contains("\"default_value\":{\"values\":[\"EMEA\"]}");
  }

  @Test
  void apply_exampleSqlThatWrites_isRejectedByGuard() {
    String reason = onlyRejection(apply(new ExampleSqlFix("Clean up", "DROP TABLE main.sales.orders", List.of(), "",
        "", List.of())));

    assertThat(reason).startsWith("example SQL refused by the read-only guard");
  }

  @Test
  void apply_exampleSqlWithUnusedParameter_isRejected() {
    Parameter p = new Parameter("year", "INTEGER", new ArrayList<>(), new ArrayList<>(), UnknownFields.none());
    String reason = onlyRejection(apply(new ExampleSqlFix("Orders in a year", "SELECT COUNT(*) FROM main.sales.orders",
        List.of(p), "", "", List.of())));

    assertThat(reason).isEqualTo("parameter year is not used in the SQL as :year");
  }

  @Test
  void apply_exampleSqlWithDuplicateParameter_isRejected() {
    Parameter p = new Parameter("y", null, new ArrayList<>(), new ArrayList<>(), UnknownFields.none());
    String reason = onlyRejection(apply(new ExampleSqlFix("Orders in a year",
        "SELECT COUNT(*) FROM main.sales.orders WHERE year(order_date) = :y", List.of(p, p), "", "", List.of())));

    assertThat(reason).isEqualTo("parameter y is declared twice");
  }

  @Test
  void apply_exampleSqlForExistingQuestion_isAlreadyPresentOrRejected() {
    FixResult same = apply(new ExampleSqlFix("how many  orders are there?", "SELECT COUNT(*) FROM main.sales.orders",
        List.of(), "", "", List.of()));
    FixResult other = apply(new ExampleSqlFix("How many orders are there?", "SELECT COUNT(1) FROM main.sales.orders",
        List.of(), "", "", List.of()));

    assertThat(same.rejected()).singleElement().satisfies(r -> assertThat(r.isAlreadyPresent()).isTrue());
    assertThat(onlyRejection(other)).contains("already answers this question with other SQL");
  }

  // ---- text instruction --------------------------------------------------------------------------------------

  @Test
  void apply_textInstructionWithoutBlock_createsBlockWithLines() {
    FixResult result = apply(new TextInstructionFix("Rule one.\nRule two.", "", List.of()));

    TextInstruction block = result.space().textInstruction().orElseThrow();
    assertThat(block.content()).containsExactly("Rule one.\n", "Rule two.\n");
    assertThat(block.id()).isGreaterThan(SpaceSamples.MAX_INSTRUCTION_ID);
    assertThat(result.applied().get(0).path()).isEqualTo("$.instructions.text_instructions[0]");
    assertThat(result.applied().get(0).before()).isNull();
  }

  @Test
  void apply_textInstructionToExistingBlock_appendsAndKeepsId() {
    FixResult first = apply(new TextInstructionFix("Rule one.", "", List.of()));
    String id = first.space().textInstruction().orElseThrow().id();
    FixResult second = applier.apply(new FixRequest(first.space(),
        List.of(FixSamples.textInstruction()), null));

    TextInstruction block = second.space().textInstruction().orElseThrow();
    assertThat(block.id()).isEqualTo(id);
    assertThat(block.content()).containsExactly("Rule one.\n",
        "Revenue means SUM(net_amount) of orders that are not CANCELLED.\n");
    assertThat(second.applied().get(0).before()).contains("Rule one.");
  }

  @Test
  void apply_textInstructionAlreadyContained_isAlreadyPresent() {
    FixResult result = apply(new TextInstructionFix("Rule  one.", "", List.of()),
        new TextInstructionFix("rule one.", "", List.of()));

    assertThat(result.applied()).hasSize(1);
    assertThat(result.rejected()).singleElement().satisfies(r -> assertThat(r.isAlreadyPresent()).isTrue());
  }

  // ---- snippets ----------------------------------------------------------------------------------------------

  @Test
  void apply_measure_addsWithAliasAndId() {
    FixResult result = apply(FixSamples.sqlSnippet());

    SqlSnippet added = result.space().sqlSnippets().measures().get(1);
    assertThat(added.alias()).isEqualTo("total_revenue");
    assertThat(added.sql()).containsExactly("SUM(orders.net_amount)");
    assertThat(added.displayName()).isEqualTo("Total revenue");
    assertThat(added.synonyms()).containsExactly("turnover");
    assertThat(added.instruction()).containsExactly("Use for revenue questions.");
    assertThat(added.id()).isGreaterThan(SpaceSamples.MAX_INSTRUCTION_ID);
    assertThat(result.applied().get(0).path()).isEqualTo("$.instructions.sql_snippets.measures[1]");
  }

  @Test
  void apply_expressionWithoutAlias_derivesAliasFromDisplayName() {
    FixResult result = apply(new SqlSnippetFix(SnippetKind.EXPRESSION, "year(orders.order_date)", null,
        "Order year (calendar)", List.of(), "", "", List.of()));

    assertThat(result.space().sqlSnippets().expressions()).singleElement()
        .satisfies(s -> assertThat(s.alias()).isEqualTo("order_year_calendar"));
  }

  @Test
  void apply_filter_hasNoAlias() {
    FixResult result = apply(new SqlSnippetFix(SnippetKind.FILTER, "orders.status = 'OPEN'", null, "Open orders",
        List.of("open", "OPEN", "pending"), "", "", List.of()));

    assertThat(result.space().sqlSnippets().filters()).singleElement().satisfies(s -> {
      assertThat(s.alias()).isNull();
      assertThat(s.synonyms()).containsExactly("open", "pending");
    });
  }

  @Test
  void apply_measureWithExistingName_isRejected() {
    String reason = onlyRejection(apply(new SqlSnippetFix(SnippetKind.MEASURE, "COUNT(*)", null, "order COUNT",
        List.of(), "", "", List.of())));

    assertThat(reason).contains("a measure named 'Order count' already exists");
  }

  @Test
  void apply_measureWithExistingSql_isRejected() {
    String reason = onlyRejection(apply(new SqlSnippetFix(SnippetKind.MEASURE, "count(orders.order_id)", null,
        "Number of orders", List.of(), "", "", List.of())));

    assertThat(reason).contains("the same SQL already exists as measure " + SpaceSamples.MAX_INSTRUCTION_ID);
  }

  @Test
  void apply_measureWithExistingAlias_isRejected() {
    String reason = onlyRejection(apply(new SqlSnippetFix(SnippetKind.MEASURE, "COUNT(DISTINCT orders.order_id)",
        "ORDER_COUNT", "Distinct orders", List.of(), "", "", List.of())));

    assertThat(reason).contains("alias ORDER_COUNT is already used");
  }

  @Test
  void apply_snippetSmugglingAStatement_isRejectedByGuard() {
    String reason = onlyRejection(apply(new SqlSnippetFix(SnippetKind.MEASURE, "1; DROP TABLE main.sales.orders",
        null, "Dropper", List.of(), "", "", List.of())));

    assertThat(reason).startsWith("snippet SQL refused by the read-only guard");
  }

  @Test
  void apply_metricViewMeasure_applies() {
    FixResult result = apply(new SqlSnippetFix(SnippetKind.MEASURE, "MEASURE(revenue_mv.revenue)", "revenue",
        "Revenue", List.of(), "", "", List.of()));

    assertThat(result.applied()).hasSize(1);
  }

  // ---- sample questions --------------------------------------------------------------------------------------

  @Test
  void apply_sampleQuestion_idSortsAfterSamplesAndBenchmarks() {
    FixResult result = apply(FixSamples.sampleQuestion());

    assertThat(result.space().sampleQuestions()).hasSize(2);
    String id = result.space().sampleQuestions().get(1).id();
    assertThat(id).isGreaterThan(SpaceSamples.MAX_QUESTION_ID).matches("[0-9a-f]{32}");
    assertThat(result.applied().get(0).path()).isEqualTo("$.config.sample_questions[1]");
  }

  @Test
  void apply_sampleQuestionAlreadyThere_isAlreadyPresent() {
    FixResult result = apply(new SampleQuestionFix("top customers?", "", List.of()));

    assertThat(result.rejected()).singleElement().satisfies(r -> assertThat(r.isAlreadyPresent()).isTrue());
  }

  // ---- the whole request -------------------------------------------------------------------------------------

  @Test
  void apply_everyKind_allApplyAndResultValidates() {
    FixResult result = applyWithCatalog(FixSamples.all().toArray(Fix[]::new));

    assertThat(result.rejected()).isEmpty();
    assertThat(result.applied()).hasSize(FixSamples.all().size());
    assertThat(SpaceValidator.withCatalog(SpaceSamples.catalog()).validate(result.space())).isEmpty();
  }

  @Test
  void apply_twice_equalsOnceAndSecondRunAppliesNothing() {
    FixResult once = apply(FixSamples.all().toArray(Fix[]::new));
    FixResult twice = applier.apply(new FixRequest(once.space(), FixSamples.all(), null));

    assertThat(twice.space()).isEqualTo(once.space());
    assertThat(twice.applied()).isEmpty();
    assertThat(twice.rejected()).hasSize(FixSamples.all().size()).allSatisfy(r ->
        assertThat(r.isAlreadyPresent()).as(r.reason()).isTrue());
  }

  @Test
  void apply_newIds_sortAfterExistingAndInOrder() {
    FixResult result = apply(FixSamples.joinSpec(), FixSamples.exampleSql(), FixSamples.sqlSnippet());

    List<String> ids = List.of(result.space().joinSpecs().get(1).id(),
        result.space().exampleQuestionSqls().get(1).id(), result.space().sqlSnippets().measures().get(1).id());
    assertThat(ids).isSorted().allSatisfy(id -> assertThat(id).isGreaterThan(SpaceSamples.MAX_INSTRUCTION_ID));
  }

  @Test
  void apply_generatorIdBelowExisting_usesNextIdAfterGreatest() {
    FixApplier lowIds = DefaultFixApplier.builder().idGenerator(() -> SpaceSamples.id(1)).build();

    FixResult result = lowIds.apply(new FixRequest(SpaceSamples.sales(), List.of(FixSamples.joinSpec()), null));

    assertThat(result.space().joinSpecs().get(1).id()).isEqualTo(SpaceSamples.id(0x31));
  }

  @Test
  void apply_defaultTimeOrderedIds_areValidAndSortAfterExisting() {
    FixApplier timeOrdered = DefaultFixApplier.builder().clock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).build();

    FixResult result = timeOrdered.apply(new FixRequest(SpaceSamples.sales(),
        List.of(FixSamples.joinSpec(), FixSamples.sampleQuestion()), null));

    assertThat(result.space().joinSpecs().get(1).id()).matches("[0-9a-f]{32}")
        .isGreaterThan(SpaceSamples.MAX_INSTRUCTION_ID);
    assertThat(result.space().sampleQuestions().get(1).id()).matches("[0-9a-f]{32}")
        .isGreaterThan(SpaceSamples.MAX_QUESTION_ID);
  }

  @Test
  void apply_invalidFixAmongValidOnes_onlyItIsRejected() {
    TableDescriptionFix huge = new TableDescriptionFix(CUSTOMERS, "x".repeat(30_000), false, "", List.of());
    FixResult result = apply(FixSamples.sampleQuestion(), huge, FixSamples.textInstruction());

    assertThat(result.applied()).extracting(AppliedFix::fix)
        .containsExactly(FixSamples.sampleQuestion(), FixSamples.textInstruction());
    assertThat(result.rejected()).singleElement().satisfies(r -> {
      assertThat(r.fix()).isEqualTo(huge);
      assertThat(r.reason()).startsWith("would make the space invalid: $.data_sources.tables[0].description[0]");
    });
    assertThat(SpaceValidator.standard().validate(result.space())).isEmpty();
  }

  @Test
  void apply_noFixes_returnsCanonicalInput() {
    FixResult result = apply();

    assertThat(result.space()).isEqualTo(SpaceSamples.sales().canonicalize());
    assertThat(result.applied()).isEmpty();
    assertThat(result.rejected()).isEmpty();
  }

  @Test
  void apply_invalidInputSpace_throwsAndAppliesNothing() {
    GenieSpace broken = SpaceSamples.sales().withTables(List.of(DataObject.of("not-three-parts")));

    assertThatThrownBy(() -> applier.apply(new FixRequest(broken, List.of(FixSamples.sampleQuestion()), null)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("$.data_sources.tables[0].identifier");
  }

  @Test
  void apply_inputTableMissingFromCatalog_throws() {
    Catalog partial = Catalog.of(List.of());

    assertThatThrownBy(() -> applier.apply(new FixRequest(SpaceSamples.sales(), List.of(), partial)))
        .isInstanceOf(ValidationException.class);
  }

  // ---- builder -----------------------------------------------------------------------------------------------

  @Test
  void builder_nullArguments_throwNamingThem() {
    DefaultFixApplier.Builder builder = DefaultFixApplier.builder();

    assertThatThrownBy(() -> builder.idGenerator(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("idGenerator");
    assertThatThrownBy(() -> builder.clock(null)).isInstanceOf(NullPointerException.class).hasMessage("clock");
    assertThatThrownBy(() -> builder.validator(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("validator");
  }

  @Test
  void apply_validatorWithTighterLimit_rejectsFixOverLimitOthersApply() {
    FixApplier strict = DefaultFixApplier.builder().idGenerator(IdGenerator.sequential(0))
        .validator(SpaceValidator.builder().maxInstructions(1).build()).build();

    FixResult result = strict.apply(new FixRequest(SpaceSamples.sales(),
        List.of(FixSamples.exampleSql(), FixSamples.sampleQuestion()), SpaceSamples.catalog()));

    assertThat(result.applied()).extracting(AppliedFix::fix).containsExactly(FixSamples.sampleQuestion());
    assertThat(result.rejected()).singleElement()
        .satisfies(r -> assertThat(r.reason()).startsWith("would make the space invalid").contains("max-instructions"));
  }

  @Test
  void toBuilder_keepsIdGenerator() {
    DefaultFixApplier original = DefaultFixApplier.builder().idGenerator(() -> SpaceSamples.id(0xabc)).build();

    FixResult result = original.toBuilder().build()
        .apply(new FixRequest(SpaceSamples.sales(), List.of(FixSamples.joinSpec()), null));

    assertThat(result.space().joinSpecs().get(1).id()).isEqualTo(SpaceSamples.id(0xabc));
  }

  @Test
  void standard_appliesFixes() {
    FixResult result = FixApplier.standard()
        .apply(new FixRequest(SpaceSamples.sales(), List.of(FixSamples.sampleQuestion()), null));

    assertThat(result.applied()).hasSize(1);
  }

  @Test
  void apply_nullRequest_throws() {
    assertThatThrownBy(() -> applier.apply(null)).isInstanceOf(NullPointerException.class).hasMessage("request");
  }
}
