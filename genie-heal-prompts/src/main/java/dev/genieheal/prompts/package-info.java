/**
 * Prompts as versioned, immutable resources: the {@link dev.genieheal.prompts.PromptCatalog} lists versions, loads
 * templates by name and version (from the classpath or from an override directory), and renders them strictly with
 * {@code {{variable}}} placeholders. This module depends on nothing else.
 */
package dev.genieheal.prompts;
