package dev.genieheal.samples.notebook

import dev.genieheal.{LoopEvent, LoopResult, LoopState, LoopStatus, ProgressSink, SelfHealingLoop, StopDecision, StopPolicy}
import dev.genieheal.analyze.FailureAnalyzer
import dev.genieheal.databricks.{DatabricksConfig, DatabricksWorkspace}
import dev.genieheal.judge.AnswerJudge
import dev.genieheal.port.BenchmarkSource
import dev.genieheal.report.HtmlReportSink
import java.nio.file.Paths
import java.time.Duration
import scala.collection.JavaConverters._

/**
 * The fluent Java API called the way a Databricks notebook does it, in Scala 2.12 (Databricks Runtime's Scala):
 * the builder, Scala lambdas as custom strategies, and the result read back as Scala values.
 * `notebooks/heal_genie_space.scala` is the same code as notebook cells.
 */
object NotebookHeal {

  /** One line per iteration of a finished run: iteration, tuning and held-out score, fixes applied. */
  def iterations(result: LoopResult): Seq[String] =
    result.history.asScala.map { it =>
      val heldOut = if (it.heldOutScore.isPresent) f" held-out ${it.heldOutScore.get * 100}%.0f%%" else ""
      f"iteration ${it.iteration}: tuning ${it.score * 100}%.0f%%$heldOut, ${it.applied.size} fixes applied"
    }

  /**
   * Heals `spaceId` in the workspace at `host` with `token` (in a notebook:
   * `dbutils.notebook.getContext.apiUrl.get` and `dbutils.notebook.getContext.apiToken.get`), scoring the
   * benchmarks of `benchmarksFile` (JSON, JSON Lines or CSV with id, question, expected_sql), and writes an HTML
   * report to `reportPath`.
   */
  def heal(host: String, token: String, spaceId: String, warehouseId: String, benchmarksFile: String,
      reportPath: String, questionsPerMinute: Int = 5, settleTime: Duration = Duration.ofSeconds(30)): LoopResult = {
    val workspace = DatabricksWorkspace.connect(
      DatabricksConfig.builder().host(host).token(token).questionsPerMinute(questionsPerMinute).build())
    val warehouse = workspace.sql(warehouseId)

    // Custom strategies are plain Scala lambdas.
    val stopWhenFlat: StopPolicy = (state: LoopState) =>
      if (state.iteration >= 2 && state.latest.delta <= 0) StopDecision.stop(LoopStatus.PLATEAU, "no gain")
      else StopDecision.proceed()
    val printIterations: ProgressSink = (event: LoopEvent) => event match {
      case finished: LoopEvent.IterationFinished =>
        println(f"iteration ${finished.record.iteration}: ${finished.record.score * 100}%.0f%%")
      case _ =>
    }

    SelfHealingLoop.builder()
      .spaceId(spaceId)
      .spaceStore(workspace.spaces())
      .genie(workspace.genie())
      .sqlExecutor(warehouse)
      .judge(AnswerJudge.hybrid(warehouse))
      .analyzer(FailureAnalyzer.rules())
      .benchmarks(BenchmarkSource.file(Paths.get(benchmarksFile)))
      .stopPolicy(StopPolicy.anyOf(StopPolicy.targetScore(0.9), StopPolicy.maxIterations(5), stopWhenFlat))
      .sink(ProgressSink.fanOut(printIterations, HtmlReportSink.to(Paths.get(reportPath))))
      .questionsPerMinute(questionsPerMinute)
      .settleTime(settleTime)
      .build()
      .run()
  }
}
