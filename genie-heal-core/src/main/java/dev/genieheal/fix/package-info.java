/**
 * Typed fixes ({@link dev.genieheal.fix.Fix}, one record per enhancement type) and the
 * {@link dev.genieheal.fix.FixApplier} strategy that applies them to a space without ever producing an invalid one.
 */
package dev.genieheal.fix;
