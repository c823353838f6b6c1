// Databricks notebook source
// MAGIC %md
// MAGIC # Heal a Genie space with genie-heal
// MAGIC
// MAGIC Scores the space on benchmark questions, lets the rule-based analyzer propose fixes to its metadata, saves
// MAGIC them with the space's etag, and repeats until 90 % of the benchmarks pass (or 5 iterations, or no gain).
// MAGIC
// MAGIC **Attach the library first**: build `mvn -B -pl genie-heal-databricks -am package -DskipTests`, upload
// MAGIC `genie-heal-databricks/target/genie-heal-databricks-<version>-all.jar` (the shaded jar: every dependency
// MAGIC relocated, nothing clashes with the runtime) to a Unity Catalog volume, then on the cluster
// MAGIC *Libraries → Install new → Volumes → the jar*. Any Databricks Runtime with Scala 2.12 and Java 17 works.
// MAGIC
// MAGIC The notebook's own host and token are used, so the space is changed as the person running the notebook
// MAGIC (they need CAN EDIT on the space and CAN USE on the warehouse).

// COMMAND ----------

dbutils.widgets.text("space_id", "", "Genie space id")
dbutils.widgets.text("warehouse_id", "", "SQL warehouse id")
dbutils.widgets.text("benchmarks", "/Volumes/main/genie/benchmarks/retail.jsonl", "Benchmarks (json/jsonl/csv)")
dbutils.widgets.text("report", "/Volumes/main/genie/reports/report.html", "HTML report path")

// COMMAND ----------

import dev.genieheal.{LoopEvent, LoopState, LoopStatus, ProgressSink, SelfHealingLoop, StopDecision, StopPolicy}
import dev.genieheal.analyze.FailureAnalyzer
import dev.genieheal.databricks.{DatabricksConfig, DatabricksWorkspace}
import dev.genieheal.judge.AnswerJudge
import dev.genieheal.port.BenchmarkSource
import dev.genieheal.report.HtmlReportSink
import java.nio.file.Paths
import scala.collection.JavaConverters._

val context = dbutils.notebook.getContext
val workspace = DatabricksWorkspace.connect(DatabricksConfig.builder()
  .host(context.apiUrl.get)
  .token(context.apiToken.get)
  .build())
val warehouse = workspace.sql(dbutils.widgets.get("warehouse_id"))

// COMMAND ----------

// Custom strategies are plain Scala lambdas.
val stopWhenFlat: StopPolicy = (state: LoopState) =>
  if (state.iteration >= 2 && state.latest.delta <= 0) StopDecision.stop(LoopStatus.PLATEAU, "no gain")
  else StopDecision.proceed()
val printIterations: ProgressSink = (event: LoopEvent) => event match {
  case finished: LoopEvent.IterationFinished =>
    println(f"iteration ${finished.record.iteration}: ${finished.record.score * 100}%.0f%%")
  case _ =>
}

val result = SelfHealingLoop.builder()
  .spaceId(dbutils.widgets.get("space_id"))
  .spaceStore(workspace.spaces())
  .genie(workspace.genie())
  .sqlExecutor(warehouse)
  .judge(AnswerJudge.hybrid(warehouse))
  .analyzer(FailureAnalyzer.rules())
  .benchmarks(BenchmarkSource.file(Paths.get(dbutils.widgets.get("benchmarks"))))
  .stopPolicy(StopPolicy.anyOf(StopPolicy.targetScore(0.9), StopPolicy.maxIterations(5), stopWhenFlat))
  .sink(ProgressSink.fanOut(printIterations, HtmlReportSink.to(Paths.get(dbutils.widgets.get("report")))))
  .build()
  .run()

// COMMAND ----------

println(s"${result.status}: ${result.baselineScore} -> ${result.finalScore} (${result.stopReason})")
result.applied.asScala.foreach(applied => println(s"${applied.fix.`type`} at ${applied.path}: ${applied.fix.reason}"))
displayHTML(scala.io.Source.fromFile(dbutils.widgets.get("report")).mkString)
