/**
 * The exception hierarchy: one unchecked root, {@link dev.genieheal.error.GenieHealException}, and the subclasses a
 * caller would branch on. The lowest layer of core: it depends on nothing else in genie-heal.
 */
package dev.genieheal.error;
