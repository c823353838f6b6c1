package dev.genieheal.databricks;

import java.util.Locale;

/** How genie-heal authenticates to a workspace. */
public enum AuthType {
  /** A personal access token (or a notebook's context token), sent as {@code Authorization: Bearer}. */
  PAT("pat"),
  /** OAuth machine-to-machine: a service principal's client id and secret exchanged for short-lived tokens. */
  OAUTH_M2M("oauth-m2m");

  private final String id;

  AuthType(String id) {
    this.id = id;
  }

  /** The SDKs' name for it ({@code pat}, {@code oauth-m2m}), as used in {@code DATABRICKS_AUTH_TYPE}. */
  public String id() {
    return id;
  }

  /**
   * Reads {@code pat} or {@code oauth-m2m} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the accepted values otherwise
   */
  public static AuthType fromId(String id) {
    for (AuthType t : values()) {
      if (t.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown auth type '" + id + "': use pat or oauth-m2m");
  }
}
