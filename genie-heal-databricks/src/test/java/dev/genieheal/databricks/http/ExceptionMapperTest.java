package dev.genieheal.databricks.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genieheal.error.AuthenticationException;
import dev.genieheal.error.EtagConflictException;
import dev.genieheal.error.GenieHealException;
import dev.genieheal.error.NotFoundException;
import dev.genieheal.error.RateLimitedException;
import dev.genieheal.error.ServiceException;
import dev.genieheal.error.ValidationException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExceptionMapperTest {
  private static final String HOST = "https://h.example.com";
  private static final String TOKEN = "dapi0123456789abcdef0123456789abcdef";
  private final ApiCall getSpace = ApiCall.get("get space", "space", "01ef", "/api/2.0/genie/spaces/01ef");

  private GenieHealException map(ApiCall call, int status, String body) {
    return ExceptionMapper.fromResponse(call, HOST, status, body, null, "req-1", 1, TOKEN);
  }

  @Test
  void fromResponse_401_isAuthenticationNamingWhatToCheck() {
    assertThat(map(getSpace, 401, "{\"error_code\":\"UNAUTHENTICATED\",\"message\":\"Invalid token\"}"))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("get space (space 01ef)").hasMessageContaining("DATABRICKS_TOKEN")
        .hasMessageContaining("request id req-1");
  }

  @Test
  void fromResponse_403_isAuthenticationNamingTheResource() {
    assertThat(map(getSpace, 403, "{\"error_code\":\"PERMISSION_DENIED\",\"message\":\"no\"}"))
        .isInstanceOf(AuthenticationException.class).hasMessageContaining("permission on space 01ef")
        .hasMessageContaining("CAN EDIT");
  }

  @Test
  void fromResponse_404_isNotFound() {
    assertThat(map(getSpace, 404, "{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"gone\"}"))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("space 01ef does not exist");
  }

  @Test
  void fromResponse_errorCodeRefinesStatus() {
    assertThat(map(getSpace, 400, "{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"gone\"}"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void fromResponse_409OnEtagGuardedCall_isEtagConflictWithSpaceId() {
    ApiCall patch = getSpace.withMethod("PATCH", Json.object()).withEtagGuard();

    GenieHealException e = map(patch, 409, "{\"error_code\":\"ABORTED\",\"message\":\"etag mismatch\"}");

    assertThat(e).isInstanceOf(EtagConflictException.class).hasMessageContaining("nothing was written");
    assertThat(((EtagConflictException) e).spaceId()).isEqualTo("01ef");
  }

  @Test
  void fromResponse_409Elsewhere_isServiceException() {
    assertThat(map(getSpace, 409, "{}")).isInstanceOf(ServiceException.class);
  }

  @Test
  void fromResponse_429_isRateLimitedWithRetryAfter() {
    GenieHealException e = ExceptionMapper.fromResponse(getSpace, HOST, 429,
        "{\"error_code\":\"REQUEST_LIMIT_EXCEEDED\"}", Duration.ofSeconds(9), null, 5, TOKEN);

    assertThat(e).isInstanceOf(RateLimitedException.class).hasMessageContaining("after 5 attempts");
    assertThat(((RateLimitedException) e).retryAfter()).contains(Duration.ofSeconds(9));
  }

  @Test
  void fromResponse_400_isValidationWithTheServiceMessage() {
    GenieHealException e = map(getSpace, 400,
        "{\"error_code\":\"INVALID_PARAMETER_VALUE\",\"message\":\"tables must be sorted by identifier\"}");

    assertThat(e).isInstanceOf(ValidationException.class);
    assertThat(((ValidationException) e).violations()).singleElement()
        .satisfies(v -> assertThat(v.message()).contains("must be sorted"));
  }

  @Test
  void fromResponse_500_isServiceExceptionWithStatusAndCode() {
    GenieHealException e = map(getSpace, 500, "{\"error_code\":\"INTERNAL_ERROR\",\"message\":\"boom\"}");

    assertThat(e).isInstanceOf(ServiceException.class);
    assertThat(((ServiceException) e).status()).isEqualTo(500);
    assertThat(((ServiceException) e).errorCode()).contains("INTERNAL_ERROR");
  }

  @Test
  void fromResponse_htmlBody_usesItsText() {
    assertThat(map(getSpace, 502, "<html><body><h1>Bad Gateway</h1></body></html>"))
        .hasMessageContaining("Bad Gateway").hasMessageNotContaining("<h1>");
  }

  @Test
  void fromResponse_legacyErrorShape_isRead() {
    assertThat(map(getSpace, 500, "{\"error\":\"legacy failure\"}")).hasMessageContaining("legacy failure");
  }

  @Test
  void fromResponse_bodyEchoingTheToken_isRedacted() {
    assertThat(map(getSpace, 500, "{\"message\":\"bad header Bearer " + TOKEN + "\"}"))
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void fromConnectionFailure_namesHostAndWhatToCheck() {
    assertThat(ExceptionMapper.fromConnectionFailure(getSpace, HOST, new ConnectException("refused"), 3, TOKEN))
        .isInstanceOf(ServiceException.class).hasMessageContaining("could not reach " + HOST)
        .hasMessageContaining("DATABRICKS_HOST").hasMessageContaining("after 3 attempts");
  }

  @Test
  void malformed_namesTheCallAndBodyStart() {
    assertThat(ExceptionMapper.malformed(getSpace, HOST, 200, "not json at all", TOKEN))
        .hasMessageContaining("malformed response").hasMessageContaining("not json at all");
  }

  @Test
  void apiCall_withQuery_keepsOrder() {
    ApiCall call = getSpace.withQuery("a", "1").withQuery("b", "2");

    assertThat(call.query()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
  }
}
