/**
 * {@link dev.genieheal.testkit.emulator.DatabricksEmulator}: a local Databricks REST server (JDK
 * {@code com.sun.net.httpserver}, no extra dependency) for testing Genie tooling offline, in the style of OkHttp's
 * MockWebServer — a request log ({@code takeRequest()}), scripted responses and failure modes
 * ({@link dev.genieheal.testkit.emulator.Fault}, {@link dev.genieheal.testkit.emulator.FaultRule}), a pluggable
 * engine behind the routes (a {@code GenieClient}, a {@code SqlExecutor}, an {@code LlmClient}).
 *
 * <h2>Routes</h2>
 * See {@link dev.genieheal.testkit.emulator.EmulatorRoute}: Genie spaces (list, get with
 * {@code include_serialized_space}, create, PATCH with etag, trash), conversations and messages (status
 * progression, query/text attachments, query-result as {@code statement_response}, execute-query, feedback, list,
 * delete), eval runs (create, get, list, results, result details), SQL statements (execute, get, chunks, cancel),
 * serving-endpoint chat invocations, MLflow tracking (experiments, runs, metrics, params, tags, batch) and OAuth M2M
 * (discovery, client-credentials token). Every other path, and a wrong verb on a known path, is 404
 * {@code ENDPOINT_NOT_FOUND} ("No API found for 'GET /…'"), as the Databricks gateway answers.
 *
 * <h2>Known deviations from the real service</h2>
 * <ul>
 *   <li>{@code serialized_space} is stored exactly as written: no v1 → v2 migration, no added empty
 *       {@code data_sources}; validation beyond "is a JSON object" only through
 *       {@link dev.genieheal.testkit.emulator.DatabricksEmulator.Builder#spaceValidator}.</li>
 *   <li>A principal without CAN EDIT ({@code readOnlyToken}) gets a space without {@code serialized_space} and
 *       {@code etag} rather than an error; its writes get 403.</li>
 *   <li>The stale-etag status is 409 with {@code error_code RESOURCE_CONFLICT}; the real code is undocumented.</li>
 *   <li>Genie answers (and their SQL) are computed synchronously when the question is posted; the progression only
 *       governs what GETs show. Query results never expire by themselves: use
 *       {@code expireQueryResults()}; an expired result reads as statement state {@code CLOSED}.</li>
 *   <li>Statements: only {@code INLINE} + {@code JSON_ARRAY}; {@code EXTERNAL_LINKS} is 400. A statement with
 *       {@code wait_timeout} of 5–50 s is answered finished at once, so {@code on_wait_timeout} never applies;
 *       SQL errors carry {@code error_code BAD_REQUEST}.</li>
 *   <li>Eval runs are judged synchronously at creation; results count as NOT_STARTED/RUNNING until the run is
 *       DONE. The default judge is a result comparison, not the service's LLM judge.</li>
 *   <li>The 10,000 conversations per space / messages per conversation caps are not enforced. Attachments carry
 *       no {@code suggested_questions}, {@code viz} or {@code thoughts}; downloads and comments are not served.</li>
 *   <li>OAuth tokens are opaque strings, not JWTs; an expired or unknown token is 403 "Invalid access token.".</li>
 * </ul>
 */
package dev.genieheal.testkit.emulator;
