/**
 * Judging Genie's answers: the {@link dev.genieheal.judge.AnswerJudge} strategy, its {@link
 * dev.genieheal.judge.Verdict}, result-set comparison and the hybrid default (normalised SQL, then results, then an
 * optional second judge).
 */
package dev.genieheal.judge;
