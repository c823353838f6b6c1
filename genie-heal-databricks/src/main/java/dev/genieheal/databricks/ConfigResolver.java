package dev.genieheal.databricks;

import dev.genieheal.error.AuthenticationException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Resolves host and credentials the way the Databricks SDKs do; see {@link DatabricksConfig}. */
final class ConfigResolver {
  static final String DEFAULT_PROFILE = "DEFAULT";

  /** The outcome: everything needed to authenticate, and where each part came from. */
  record Resolved(URI host, AuthType authType, String token, String clientId, String clientSecret, String source) {}

  /** A value and where it came from ("explicit", "env DATABRICKS_HOST", "profile DEFAULT in /h/.databrickscfg"). */
  private record Found(String value, String from) {}

  private final Map<String, Found> found = new LinkedHashMap<>();
  private final List<String> looked = new ArrayList<>();

  private ConfigResolver() {}

  /** Resolves; {@code env} and {@code homeDir} null means explicit values only. */
  static Resolved resolve(DatabricksConfig.Builder b, Map<String, String> env, Path homeDir) {
    ConfigResolver r = new ConfigResolver();
    r.looked.add("explicit settings");
    r.offer("host", b.host, "explicit");
    r.offer("token", b.token, "explicit");
    r.offer("client_id", b.clientId, "explicit");
    r.offer("client_secret", b.clientSecret, "explicit");
    r.offer("auth_type", b.authType == null ? null : b.authType.id(), "explicit");
    String profile = b.profile;
    if (env != null) {
      r.looked.add("environment (DATABRICKS_HOST, DATABRICKS_TOKEN, DATABRICKS_CLIENT_ID, DATABRICKS_CLIENT_SECRET)");
      r.fromEnv(env, "host", "DATABRICKS_HOST");
      r.fromEnv(env, "token", "DATABRICKS_TOKEN");
      r.fromEnv(env, "client_id", "DATABRICKS_CLIENT_ID");
      r.fromEnv(env, "client_secret", "DATABRICKS_CLIENT_SECRET");
      r.fromEnv(env, "auth_type", "DATABRICKS_AUTH_TYPE");
      if (profile == null && !blank(env.get("DATABRICKS_CONFIG_PROFILE"))) {
        profile = env.get("DATABRICKS_CONFIG_PROFILE").strip();
      }
      boolean anything = r.has("host") || r.has("token") || r.has("client_id") || r.has("client_secret");
      if (profile != null || !anything) {
        String file = env.get("DATABRICKS_CONFIG_FILE");
        Path path = blank(file) ? homeDir.resolve(".databrickscfg") : Path.of(file.strip());
        r.fromFile(path, profile);
      }
    }
    return r.decide();
  }

  private void offer(String key, String value, String from) {
    if (!blank(value) && !found.containsKey(key)) {
      found.put(key, new Found(value.strip(), from));
    }
  }

  private void fromEnv(Map<String, String> env, String key, String variable) {
    offer(key, env.get(variable), "env " + variable);
  }

  private boolean has(String key) {
    return found.containsKey(key);
  }

  private void fromFile(Path path, String namedProfile) {
    if (!Files.isRegularFile(path)) {
      looked.add("config file " + path + " (not found)");
      if (namedProfile != null) {
        throw new AuthenticationException("Databricks profile '" + namedProfile + "' was requested but the config "
            + "file " + path + " does not exist; create it or set DATABRICKS_CONFIG_FILE");
      }
      return;
    }
    Map<String, Map<String, String>> sections;
    try {
      sections = parseIni(Files.readAllLines(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AuthenticationException("cannot read the Databricks config file " + path + ": " + e.getMessage(), e);
    }
    String profile = namedProfile;
    if (profile == null) {
      String configured = sections.getOrDefault("__settings__", Map.of()).get("default_profile");
      profile = blank(configured) ? DEFAULT_PROFILE : configured.strip();
    }
    Map<String, String> section = sections.get(profile);
    looked.add("config file " + path + " (profile " + profile + (section == null ? ", not found)" : ")"));
    if (section == null) {
      if (namedProfile != null) {
        throw new AuthenticationException("Databricks profile '" + profile + "' is not in " + path
            + " (it has: " + String.join(", ", sections.keySet()) + ")");
      }
      return;
    }
    String from = "profile " + profile + " in " + path;
    for (String key : List.of("host", "token", "client_id", "client_secret", "auth_type")) {
      offer(key, section.get(key), from);
    }
  }

  static Map<String, Map<String, String>> parseIni(List<String> lines) {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> current = null;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        current = sections.computeIfAbsent(line.substring(1, line.length() - 1).strip(), k -> new LinkedHashMap<>());
      } else if (current != null && line.contains("=")) {
        int eq = line.indexOf('=');
        current.put(line.substring(0, eq).strip().toLowerCase(Locale.ROOT), line.substring(eq + 1).strip());
      }
    }
    return sections;
  }

  private Resolved decide() {
    if (!has("host")) {
      throw failure("no Databricks host is configured");
    }
    URI host;
    try {
      host = normalizeHost(found.get("host").value());
    } catch (IllegalArgumentException e) {
      throw failure(e.getMessage() + " (from " + found.get("host").from() + ")");
    }
    boolean token = has("token");
    boolean client = has("client_id") || has("client_secret");
    AuthType type;
    if (has("auth_type")) {
      try {
        type = AuthType.fromId(found.get("auth_type").value());
      } catch (IllegalArgumentException e) {
        throw failure(e.getMessage() + " (from " + found.get("auth_type").from() + ")");
      }
    } else if (token && client) {
      throw failure("more than one authentication method is configured (a token and OAuth client credentials); "
          + "remove one or set DATABRICKS_AUTH_TYPE to pat or oauth-m2m");
    } else if (token) {
      type = AuthType.PAT;
    } else if (client) {
      type = AuthType.OAUTH_M2M;
    } else {
      throw failure("no Databricks credentials are configured (a token, or an OAuth client id and secret)");
    }
    if (type == AuthType.PAT && !token) {
      throw failure("auth type pat needs a token (DATABRICKS_TOKEN)");
    }
    if (type == AuthType.OAUTH_M2M && !(has("client_id") && has("client_secret"))) {
      throw failure("auth type oauth-m2m needs both a client id and a client secret "
          + "(DATABRICKS_CLIENT_ID, DATABRICKS_CLIENT_SECRET)");
    }
    String source = found.entrySet().stream().map(e -> e.getKey() + " from " + e.getValue().from())
        .reduce((a, c) -> a + ", " + c).orElse("");
    return new Resolved(host, type,
        type == AuthType.PAT ? found.get("token").value() : null,
        type == AuthType.OAUTH_M2M ? found.get("client_id").value() : null,
        type == AuthType.OAUTH_M2M ? found.get("client_secret").value() : null,
        source);
  }

  /** One clear error listing what was found where (names and sources, never values of secrets) and where we looked. */
  private AuthenticationException failure(String problem) {
    List<String> parts = new ArrayList<>();
    found.forEach((k, v) -> parts.add(k + " (" + v.from() + (k.equals("host") || k.equals("client_id")
        || k.equals("auth_type") ? ": " + v.value() : "") + ")"));
    return new AuthenticationException("Databricks configuration problem: " + problem + ". Found: "
        + (parts.isEmpty() ? "nothing" : String.join(", ", parts)) + ". Looked at: " + String.join("; ", looked)
        + ".");
  }

  static URI normalizeHost(String raw) {
    String value = raw.strip();
    if (!value.contains("://")) {
      value = "https://" + value;
    }
    URI uri;
    try {
      uri = URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("host is not a URL: " + raw, e);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("host is not a URL: " + raw);
    }
    return URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
