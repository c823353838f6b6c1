/**
 * Test doubles for Genie tooling, the way MockWebServer is for HTTP clients: {@link
 * dev.genieheal.testkit.LocalWarehouse} (an in-memory DuckDB warehouse that speaks Spark SQL), {@code ScriptedGenie}
 * (answers you script per question), {@code SimulatedGenie} (a small metadata-driven text-to-SQL engine whose answers
 * respond to space fixes), {@code ScriptedLlm} and {@code RecordingLlm} (language-model doubles), and {@code
 * ManualClock} / {@code FakeSleeper} (time you move by hand).
 */
package dev.genieheal.testkit;
