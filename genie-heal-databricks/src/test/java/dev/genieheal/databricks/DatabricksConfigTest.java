package dev.genieheal.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genieheal.error.AuthenticationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabricksConfigTest {
  private static final String TOKEN = "dapi0123456789abcdef0123456789abcdef";
  private static final String SECRET = "dose-very-secret-value";

  @TempDir
  Path home;

  private void cfg(String text) throws IOException {
    Files.writeString(home.resolve(".databrickscfg"), text);
  }

  @Test
  void build_explicitHostAndToken_isPat() {
    DatabricksConfig c = DatabricksConfig.builder().host("dbc-1.cloud.databricks.com").token(TOKEN).build();

    assertThat(c.authType()).isEqualTo(AuthType.PAT);
    assertThat(c.host()).hasToString("https://dbc-1.cloud.databricks.com");
    assertThat(c.token()).contains(TOKEN);
  }

  @Test
  void build_hostWithPathAndSlash_isNormalised() {
    DatabricksConfig c = DatabricksConfig.builder().host("https://h.example.com/some/path/").token(TOKEN).build();

    assertThat(c.host()).hasToString("https://h.example.com");
  }

  @Test
  void resolve_explicitBeatsEnvironment() {
    DatabricksConfig c = DatabricksConfig.builder().host("https://explicit.example.com")
        .resolve(Map.of("DATABRICKS_HOST", "https://env.example.com", "DATABRICKS_TOKEN", TOKEN), home);

    assertThat(c.host()).hasToString("https://explicit.example.com");
    assertThat(c.source()).contains("host from explicit", "token from env DATABRICKS_TOKEN");
  }

  @Test
  void resolve_environmentOnly_doesNotReadConfigFile() throws IOException {
    cfg("[DEFAULT]\nhost = https://file.example.com\ntoken = dapifromfile\n");

    DatabricksConfig c = DatabricksConfig.builder()
        .resolve(Map.of("DATABRICKS_HOST", "https://env.example.com", "DATABRICKS_TOKEN", TOKEN), home);

    assertThat(c.host()).hasToString("https://env.example.com");
    assertThat(c.token()).contains(TOKEN);
  }

  @Test
  void resolve_nothingInEnvironment_readsDefaultProfile() throws IOException {
    cfg("# comment\n[DEFAULT]\nhost = https://file.example.com\ntoken = " + TOKEN + "\n");

    DatabricksConfig c = DatabricksConfig.builder().resolve(Map.of(), home);

    assertThat(c.host()).hasToString("https://file.example.com");
    assertThat(c.source()).contains("profile DEFAULT in");
  }

  @Test
  void resolve_namedProfileFromEnvironment_readsThatProfile() throws IOException {
    cfg("[DEFAULT]\nhost = https://a.example.com\ntoken = " + TOKEN + "\n\n[sp-prod]\nhost = https://b.example.com\n"
        + "client_id = abc-123\nclient_secret = " + SECRET + "\n");

    DatabricksConfig c = DatabricksConfig.builder().resolve(Map.of("DATABRICKS_CONFIG_PROFILE", "sp-prod"), home);

    assertThat(c.authType()).isEqualTo(AuthType.OAUTH_M2M);
    assertThat(c.host()).hasToString("https://b.example.com");
    assertThat(c.clientId()).contains("abc-123");
  }

  @Test
  void resolve_configFileVariable_overridesHomeDirectory() throws IOException {
    Path other = home.resolve("other.cfg");
    Files.writeString(other, "[DEFAULT]\nhost = https://other.example.com\ntoken = " + TOKEN + "\n");

    DatabricksConfig c = DatabricksConfig.builder().resolve(Map.of("DATABRICKS_CONFIG_FILE", other.toString()), home);

    assertThat(c.host()).hasToString("https://other.example.com");
  }

  @Test
  void resolve_settingsDefaultProfile_isUsed() throws IOException {
    cfg("[__settings__]\ndefault_profile = dev\n[dev]\nhost = https://dev.example.com\ntoken = " + TOKEN + "\n");

    assertThat(DatabricksConfig.builder().resolve(Map.of(), home).host()).hasToString("https://dev.example.com");
  }

  @Test
  void resolve_missingNamedProfile_failsListingProfiles() throws IOException {
    cfg("[DEFAULT]\nhost = https://a.example.com\ntoken = " + TOKEN + "\n");

    assertThatThrownBy(() -> DatabricksConfig.builder().profile("nope").resolve(Map.of(), home))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("'nope'").hasMessageContaining("DEFAULT");
  }

  @Test
  void resolve_namedProfileWithoutFile_fails() {
    assertThatThrownBy(() -> DatabricksConfig.builder().profile("dev").resolve(Map.of(), home))
        .isInstanceOf(AuthenticationException.class).hasMessageContaining("does not exist");
  }

  @Test
  void resolve_tokenAndClientCredentials_isAmbiguousAndNamesSourcesNotSecrets() {
    assertThatThrownBy(() -> DatabricksConfig.builder().resolve(Map.of("DATABRICKS_HOST", "https://h.example.com",
        "DATABRICKS_TOKEN", TOKEN, "DATABRICKS_CLIENT_ID", "cid", "DATABRICKS_CLIENT_SECRET", SECRET), home))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("more than one authentication method")
        .hasMessageContaining("token (env DATABRICKS_TOKEN)")
        .hasMessageContaining("client_secret (env DATABRICKS_CLIENT_SECRET)")
        .hasMessageNotContaining(TOKEN).hasMessageNotContaining(SECRET);
  }

  @Test
  void resolve_ambiguousWithAuthType_choosesIt() {
    DatabricksConfig c = DatabricksConfig.builder().resolve(Map.of("DATABRICKS_HOST", "https://h.example.com",
        "DATABRICKS_TOKEN", TOKEN, "DATABRICKS_CLIENT_ID", "cid", "DATABRICKS_CLIENT_SECRET", SECRET,
        "DATABRICKS_AUTH_TYPE", "oauth-m2m"), home);

    assertThat(c.authType()).isEqualTo(AuthType.OAUTH_M2M);
    assertThat(c.token()).isEmpty();
  }

  @Test
  void resolve_nothingAnywhere_failsListingWhereItLooked() {
    assertThatThrownBy(() -> DatabricksConfig.builder().resolve(Map.of(), home))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("no Databricks host")
        .hasMessageContaining("Found: nothing")
        .hasMessageContaining(".databrickscfg (not found)");
  }

  @Test
  void resolve_hostWithoutCredentials_failsNamingTheHost() {
    assertThatThrownBy(() -> DatabricksConfig.builder().resolve(Map.of("DATABRICKS_HOST", "h.example.com"), home))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("no Databricks credentials")
        .hasMessageContaining("host (env DATABRICKS_HOST: h.example.com)");
  }

  @Test
  void resolve_clientIdWithoutSecret_fails() {
    assertThatThrownBy(() -> DatabricksConfig.builder().resolve(Map.of("DATABRICKS_HOST", "h.example.com",
        "DATABRICKS_CLIENT_ID", "cid"), home))
        .isInstanceOf(AuthenticationException.class).hasMessageContaining("needs both a client id and a client secret");
  }

  @Test
  void resolve_unknownAuthType_fails() {
    assertThatThrownBy(() -> DatabricksConfig.builder().resolve(Map.of("DATABRICKS_HOST", "h.example.com",
        "DATABRICKS_TOKEN", TOKEN, "DATABRICKS_AUTH_TYPE", "azure-cli"), home))
        .isInstanceOf(AuthenticationException.class).hasMessageContaining("unknown auth type 'azure-cli'");
  }

  @Test
  void toString_neverShowsSecrets() {
    DatabricksConfig pat = DatabricksConfig.builder().host("h.example.com").token(TOKEN).build();
    DatabricksConfig m2m = DatabricksConfig.builder().host("h.example.com").clientId("cid").clientSecret(SECRET)
        .build();

    assertThat(pat.toString()).doesNotContain(TOKEN).contains("[REDACTED]");
    assertThat(m2m.toString()).doesNotContain(SECRET).contains("cid");
  }

  @Test
  void builder_blankHost_throwsNamingIt() {
    assertThatThrownBy(() -> DatabricksConfig.builder().host(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("host");
  }

  @Test
  void builder_zeroQuestionsPerMinute_throws() {
    assertThatThrownBy(() -> DatabricksConfig.builder().questionsPerMinute(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("questionsPerMinute");
  }

  @Test
  void toBuilder_roundTrips() {
    DatabricksConfig c = DatabricksConfig.builder().host("h.example.com").token(TOKEN).maxAttempts(3).build();

    DatabricksConfig copy = c.toBuilder().build();

    assertThat(copy.host()).isEqualTo(c.host());
    assertThat(copy.maxAttempts()).isEqualTo(3);
    assertThat(copy.token()).isEqualTo(c.token());
  }
}
