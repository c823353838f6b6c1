package dev.genieheal.samples.embed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genieheal.LoopResult;
import dev.genieheal.LoopStatus;
import dev.genieheal.port.SpaceStore;
import dev.genieheal.port.StoredSpace;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.testkit.LocalWarehouse;
import dev.genieheal.testkit.ScriptedAnswer;
import dev.genieheal.testkit.ScriptedGenie;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How to test your own Genie tooling with the testkit: a local warehouse, a scripted Genie, an in-memory space. */
class CustomLoopTest {
  private static final String SPACE = """
      {"version": 2,
       "data_sources": {"tables": [{"identifier": "shop.sales.orders"}]},
       "benchmarks": {"questions": [{"id": "00000000000000000000000000000001",
         "question": ["What is the total revenue?"],
         "answer": [{"format": "SQL", "content": ["SELECT SUM(amount) FROM shop.sales.orders"]}]}]}}
      """;

  @Test
  void heal_genieLearnsTheSynonym_reachesTheTarget() {
    try (LocalWarehouse warehouse = LocalWarehouse.builder()
        .script("CREATE TABLE shop.sales.orders (order_id INT, quantity INT, amount DECIMAL(10,2));"
            + "INSERT INTO shop.sales.orders VALUES (1, 2, 20.00), (2, 1, 35.50)")
        .build()) {
      SpaceStore spaces = SpaceStore.inMemory(new StoredSpace("space-1", "Shop", null, null,
          GenieSpace.parse(SPACE)));
      ScriptedGenie genie = ScriptedGenie.builder()
          .on("What is the total revenue?", ScriptedAnswer.sql("SELECT SUM(quantity) FROM shop.sales.orders"))
          .when("What is the total revenue?", space -> space.tables().get(0).column("amount")
                  .map(c -> c.synonyms().contains("revenue")).orElse(false),
              ScriptedAnswer.sql("SELECT SUM(amount) FROM shop.sales.orders"))
          .spaces(spaces)
          .warehouse(warehouse)
          .build();

      LoopResult result = CustomLoop.heal("space-1", spaces, genie, warehouse, Duration.ZERO);

      assertThat(result.status()).isEqualTo(LoopStatus.TARGET_REACHED);
      assertThat(result.baselineScore()).isZero();
      assertThat(result.finalScore()).isEqualTo(1.0);
      assertThat(genie.questions()).hasSize(2);
    }
  }
}
