/**
 * Failure analysis: categorising failed answers and turning them into typed fixes. The
 * {@link dev.genieheal.analyze.FailureAnalyzer} strategy, the deterministic rule-based default, the LLM-backed one
 * and the leakage guard.
 */
package dev.genieheal.analyze;
