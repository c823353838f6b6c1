package dev.genieheal.databricks.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {
  private final RetryPolicy policy = RetryPolicy.DEFAULT;

  @ParameterizedTest
  @ValueSource(ints = {429, 503})
  void retryDelay_throttledNonIdempotent_retries(int status) {
    assertThat(policy.retryDelay(1, status, null, false, () -> 0.0)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 500, 502, 504})
  void retryDelay_serverErrorIdempotent_retries(int status) {
    assertThat(policy.retryDelay(1, status, null, true, () -> 0.0)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 500, 502, 504})
  void retryDelay_serverErrorNonIdempotent_doesNotRetry(int status) {
    assertThat(policy.retryDelay(1, status, null, false, () -> 0.0)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 501})
  void retryDelay_clientErrors_neverRetry(int status) {
    assertThat(policy.retryDelay(1, status, null, true, () -> 0.0)).isEmpty();
  }

  @Test
  void retryDelay_lastAttempt_doesNotRetry() {
    assertThat(policy.retryDelay(5, 503, null, true, () -> 0.0)).isEmpty();
    assertThat(policy.retryDelay(4, 503, null, true, () -> 0.0)).isPresent();
  }

  @Test
  void retryDelay_retryAfter_isHonouredExactly() {
    assertThat(policy.retryDelay(1, 429, Duration.ofSeconds(7), false, () -> 0.9)).contains(Duration.ofSeconds(7));
  }

  @Test
  void retryDelay_hugeRetryAfter_isCapped() {
    assertThat(policy.retryDelay(1, 429, Duration.ofHours(3), false, () -> 0.0)).contains(Duration.ofMinutes(2));
  }

  @Test
  void backoff_doublesUpToTheCap() {
    assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.backoff(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(policy.backoff(6)).isEqualTo(Duration.ofSeconds(30));
    assertThat(policy.backoff(60)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void retryDelay_jitter_addsAtMostMaxJitter() {
    assertThat(policy.retryDelay(1, 503, null, false, () -> 0.5)).contains(Duration.ofMillis(1250));
    assertThat(policy.retryDelay(2, 503, null, false, () -> 0.999_999)).get()
        .satisfies(d -> assertThat(d).isLessThan(Duration.ofMillis(2500)));
  }

  @Test
  void none_neverRetries() {
    assertThat(RetryPolicy.none().retryDelay(1, 429, null, true, () -> 0.0)).isEmpty();
  }
}
