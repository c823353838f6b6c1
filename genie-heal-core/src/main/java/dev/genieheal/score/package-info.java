/**
 * Scoring a space on benchmark questions: the {@link dev.genieheal.score.Scorer} strategy, per-question results and
 * the {@link dev.genieheal.score.ScoreCard}. The default scorer asks Genie concurrently under a rate limiter and
 * judges each answer.
 */
package dev.genieheal.score;
