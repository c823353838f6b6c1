package dev.genieheal.testkit.emulator;

import java.util.regex.Pattern;

/**
 * Every route the {@link DatabricksEmulator} serves: the HTTP verb and the path, exactly as the Databricks REST API
 * spells them. Use these names to aim faults ({@link RequestMatcher#route(EmulatorRoute...)}) and to assert on the
 * request log ({@link RecordedRequest#route()}).
 */
public enum EmulatorRoute {
  /** {@code GET /oidc/.well-known/oauth-authorization-server} (no authentication). */
  OAUTH_DISCOVERY("GET", "/oidc/\\.well-known/oauth-authorization-server"),
  /** {@code POST /oidc/v1/token}: OAuth M2M client credentials (no bearer authentication). */
  OAUTH_TOKEN("POST", "/oidc/v1/token"),

  /** {@code GET /api/2.0/genie/spaces}. */
  LIST_SPACES("GET", Paths.SPACES),
  /** {@code POST /api/2.0/genie/spaces}. */
  CREATE_SPACE("POST", Paths.SPACES),
  /** {@code GET /api/2.0/genie/spaces/{space_id}}. */
  GET_SPACE("GET", Paths.SPACE),
  /** {@code PATCH /api/2.0/genie/spaces/{space_id}}. */
  UPDATE_SPACE("PATCH", Paths.SPACE),
  /** {@code DELETE /api/2.0/genie/spaces/{space_id}} (moves the space to the trash). */
  TRASH_SPACE("DELETE", Paths.SPACE),

  /** {@code POST /api/2.0/genie/spaces/{space_id}/start-conversation}. */
  START_CONVERSATION("POST", Paths.SPACE + "/start-conversation"),
  /** {@code GET /api/2.0/genie/spaces/{space_id}/conversations}. */
  LIST_CONVERSATIONS("GET", Paths.SPACE + "/conversations"),
  /** {@code DELETE /api/2.0/genie/spaces/{space_id}/conversations/{conversation_id}}. */
  DELETE_CONVERSATION("DELETE", Paths.CONVERSATION),
  /** {@code POST …/conversations/{conversation_id}/messages}. */
  CREATE_MESSAGE("POST", Paths.CONVERSATION + "/messages"),
  /** {@code GET …/conversations/{conversation_id}/messages}. */
  LIST_MESSAGES("GET", Paths.CONVERSATION + "/messages"),
  /** {@code GET …/messages/{message_id}}. */
  GET_MESSAGE("GET", Paths.MESSAGE),
  /** {@code POST …/messages/{message_id}/feedback}. */
  SEND_FEEDBACK("POST", Paths.MESSAGE + "/feedback"),
  /** {@code GET …/messages/{message_id}/attachments/{attachment_id}/query-result}. */
  QUERY_RESULT("GET", Paths.MESSAGE + "/attachments/" + Paths.ID + "/query-result"),
  /** {@code POST …/messages/{message_id}/attachments/{attachment_id}/execute-query}. */
  EXECUTE_QUERY("POST", Paths.MESSAGE + "/attachments/" + Paths.ID + "/execute-query"),
  /** Deprecated {@code GET …/messages/{message_id}/query-result}. */
  MESSAGE_QUERY_RESULT("GET", Paths.MESSAGE + "/query-result"),
  /** Deprecated {@code GET …/messages/{message_id}/query-result/{attachment_id}}. */
  MESSAGE_QUERY_RESULT_BY_ATTACHMENT("GET", Paths.MESSAGE + "/query-result/" + Paths.ID),
  /** Deprecated {@code POST …/messages/{message_id}/execute-query}. */
  EXECUTE_MESSAGE_QUERY("POST", Paths.MESSAGE + "/execute-query"),

  /** {@code POST /api/2.0/genie/spaces/{space_id}/eval-runs}. */
  CREATE_EVAL_RUN("POST", Paths.SPACE + "/eval-runs"),
  /** {@code GET /api/2.0/genie/spaces/{space_id}/eval-runs}. */
  LIST_EVAL_RUNS("GET", Paths.SPACE + "/eval-runs"),
  /** {@code GET /api/2.0/genie/spaces/{space_id}/eval-runs/{eval_run_id}}. */
  GET_EVAL_RUN("GET", Paths.EVAL_RUN),
  /** {@code GET …/eval-runs/{eval_run_id}/results}. */
  LIST_EVAL_RESULTS("GET", Paths.EVAL_RUN + "/results"),
  /** {@code GET …/eval-runs/{eval_run_id}/results/{result_id}}. */
  GET_EVAL_RESULT("GET", Paths.EVAL_RUN + "/results/" + Paths.ID),

  /** {@code POST /api/2.0/sql/statements}. */
  EXECUTE_STATEMENT("POST", "/api/2.0/sql/statements"),
  /** {@code GET /api/2.0/sql/statements/{statement_id}}. */
  GET_STATEMENT("GET", Paths.STATEMENT),
  /** {@code GET /api/2.0/sql/statements/{statement_id}/result/chunks/{chunk_index}}. */
  GET_STATEMENT_CHUNK("GET", Paths.STATEMENT + "/result/chunks/" + Paths.ID),
  /** {@code POST /api/2.0/sql/statements/{statement_id}/cancel}. */
  CANCEL_STATEMENT("POST", Paths.STATEMENT + "/cancel"),

  /** {@code POST /serving-endpoints/{name}/invocations} (no {@code /api/2.0} prefix). */
  SERVING_INVOCATIONS("POST", "/serving-endpoints/" + Paths.ID + "/invocations"),

  /** {@code GET /api/2.0/mlflow/experiments/get-by-name}. */
  MLFLOW_GET_EXPERIMENT_BY_NAME("GET", Paths.MLFLOW + "/experiments/get-by-name"),
  /** {@code POST /api/2.0/mlflow/experiments/create}. */
  MLFLOW_CREATE_EXPERIMENT("POST", Paths.MLFLOW + "/experiments/create"),
  /** {@code POST /api/2.0/mlflow/runs/create}. */
  MLFLOW_CREATE_RUN("POST", Paths.MLFLOW + "/runs/create"),
  /** {@code GET /api/2.0/mlflow/runs/get}. */
  MLFLOW_GET_RUN("GET", Paths.MLFLOW + "/runs/get"),
  /** {@code POST /api/2.0/mlflow/runs/log-metric}. */
  MLFLOW_LOG_METRIC("POST", Paths.MLFLOW + "/runs/log-metric"),
  /** {@code POST /api/2.0/mlflow/runs/log-parameter}. */
  MLFLOW_LOG_PARAMETER("POST", Paths.MLFLOW + "/runs/log-parameter"),
  /** {@code POST /api/2.0/mlflow/runs/log-batch}. */
  MLFLOW_LOG_BATCH("POST", Paths.MLFLOW + "/runs/log-batch"),
  /** {@code POST /api/2.0/mlflow/runs/set-tag}. */
  MLFLOW_SET_TAG("POST", Paths.MLFLOW + "/runs/set-tag"),
  /** {@code POST /api/2.0/mlflow/runs/update}. */
  MLFLOW_UPDATE_RUN("POST", Paths.MLFLOW + "/runs/update");

  private final String method;
  private final Pattern path;

  EmulatorRoute(String method, String pathRegex) {
    this.method = method;
    this.path = Pattern.compile(pathRegex);
  }

  /** The HTTP verb. */
  public String method() {
    return method;
  }

  /** The path pattern; its groups are the path parameters in order. */
  Pattern pathPattern() {
    return path;
  }

  /** Whether this route needs a bearer token. */
  boolean authenticated() {
    return this != OAUTH_DISCOVERY && this != OAUTH_TOKEN;
  }

  /** Path fragments shared by several routes. */
  private static final class Paths {
    static final String ID = "([^/]+)";
    static final String SPACES = "/api/2.0/genie/spaces";
    static final String SPACE = SPACES + "/" + ID;
    static final String CONVERSATION = SPACE + "/conversations/" + ID;
    static final String MESSAGE = CONVERSATION + "/messages/" + ID;
    static final String EVAL_RUN = SPACE + "/eval-runs/" + ID;
    static final String STATEMENT = "/api/2.0/sql/statements/" + ID;
    static final String MLFLOW = "/api/2.0/mlflow";
  }
}
