package dev.genieheal.databricks.http;

/**
 * Supplies the bearer token for each request. Implementations must be thread-safe. Internal.
 */
public interface TokenProvider {

  /** The token to send now; fetches or refreshes it when needed. */
  String token();

  /** Called after a 401: the next {@link #token()} must not return the token that was just refused. */
  void invalidate();

  /** The auth type for the User-Agent ({@code pat}, {@code oauth-m2m}). */
  String authType();

  /** A fixed personal access token. */
  static TokenProvider pat(String token) {
    return new TokenProvider() {
      @Override
      public String token() {
        return token;
      }

      @Override
      public void invalidate() {
        // A personal access token cannot be refreshed; the 401 is final.
      }

      @Override
      public String authType() {
        return "pat";
      }

      @Override
      public String toString() {
        return "TokenProvider[pat, token=[REDACTED]]";
      }
    };
  }
}
