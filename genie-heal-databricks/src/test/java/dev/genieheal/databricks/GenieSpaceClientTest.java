package dev.genieheal.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genieheal.error.AuthenticationException;
import dev.genieheal.error.EtagConflictException;
import dev.genieheal.error.GenieHealException;
import dev.genieheal.error.NotFoundException;
import dev.genieheal.error.ServiceException;
import dev.genieheal.error.ValidationException;
import dev.genieheal.port.StoredSpace;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.testkit.emulator.DatabricksEmulator;
import dev.genieheal.testkit.emulator.EmulatedSpace;
import dev.genieheal.testkit.emulator.EmulatorRoute;
import dev.genieheal.testkit.emulator.Fault;
import dev.genieheal.testkit.emulator.RequestMatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenieSpaceClientTest extends EmulatorTestSupport {
  private static final String READ_ONLY = "dapi00000000000000000000000000000ro1";

  @TempDir
  Path backups;

  private GenieSpaceClient spaces(DatabricksEmulator.Builder builder) {
    db = builder.readOnlyToken(READ_ONLY).start();
    return GenieSpaceClient.builder(Emulated.workspace(db, clock, sleeper)).backupDirectory(backups).build();
  }

  private static GenieSpace withInstruction(GenieSpace space) {
    return GenieSpace.parse(space.toJson().replace("{\"version\":2,",
        "{\"version\":2,\"instructions\":{\"text_instructions\":[{\"id\":\"a0000000000000000000000000000001\","
            + "\"content\":[\"Amounts are in EUR.\"]}]},"));
  }

  @Test
  void load_returnsExportEtagTitleAndWarehouse() {
    StoredSpace s = spaces(Emulated.emulator()).load(Emulated.SPACE_ID);

    assertThat(s.title()).isEqualTo("Sales");
    assertThat(s.warehouseId()).isEqualTo(Emulated.WAREHOUSE);
    assertThat(s.etag()).isNotBlank();
    assertThat(s.space().benchmarkQuestions()).hasSize(2);
  }

  @Test
  void save_withCurrentEtag_writesBacksUpOnceAndReturnsNewEtag() throws IOException {
    GenieSpaceClient client = spaces(Emulated.emulator());
    StoredSpace loaded = client.load(Emulated.SPACE_ID);

    StoredSpace saved = client.save(Emulated.SPACE_ID, withInstruction(loaded.space()), loaded.etag());
    client.save(Emulated.SPACE_ID, loaded.space(), saved.etag());

    assertThat(saved.etag()).isNotEqualTo(loaded.etag());
    assertThat(db.space(Emulated.SPACE_ID).orElseThrow().serializedSpace()).doesNotContain("Amounts are in EUR");
    try (Stream<Path> files = Files.list(backups)) {
      assertThat(files.toList()).singleElement().satisfies(f -> assertThat(Files.readString(f))
          .contains(Emulated.SPACE_ID).contains("shop.core.sales").doesNotContain("Amounts are in EUR"));
    }
    assertThat(client.backupOf(Emulated.SPACE_ID)).isPresent();
  }

  @Test
  void save_withStaleEtag_throwsEtagConflictAndWritesNothing() {
    GenieSpaceClient client = spaces(Emulated.emulator());
    StoredSpace loaded = client.load(Emulated.SPACE_ID);
    client.save(Emulated.SPACE_ID, loaded.space(), loaded.etag());
    String before = db.space(Emulated.SPACE_ID).orElseThrow().serializedSpace();

    assertThatThrownBy(() -> client.save(Emulated.SPACE_ID, withInstruction(loaded.space()), loaded.etag()))
        .isInstanceOfSatisfying(EtagConflictException.class,
            e -> assertThat(e.spaceId()).isEqualTo(Emulated.SPACE_ID))
        .hasMessageContaining("nothing was written");
    assertThat(db.space(Emulated.SPACE_ID).orElseThrow().serializedSpace()).isEqualTo(before);
  }

  @Test
  void save_rejectedByTheService_throwsValidationWithItsMessage() {
    GenieSpaceClient client = spaces(Emulated.emulator().spaceValidator(json -> {
      if (json.contains("Amounts")) {
        throw new IllegalArgumentException("text_instructions must be sorted by id");
      }
    }));
    StoredSpace loaded = client.load(Emulated.SPACE_ID);

    assertThatThrownBy(() -> client.save(Emulated.SPACE_ID, withInstruction(loaded.space()), loaded.etag()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations().get(0).message())
            .contains("must be sorted by id"));
  }

  @Test
  void load_withoutCanEdit_throwsNamingTheMissingPermission() {
    spaces(Emulated.emulator());
    GenieSpaceClient readOnly = GenieSpaceClient.builder(Emulated.workspace(db, READ_ONLY, clock, sleeper)).build();

    assertThatThrownBy(() -> readOnly.load(Emulated.SPACE_ID))
        .isInstanceOf(AuthenticationException.class).hasMessageContaining("CAN EDIT")
        .hasMessageContaining("no serialized_space");
  }

  @Test
  void save_withoutCanEdit_isRefusedBeforeAnythingIsWritten() {
    GenieSpaceClient owner = spaces(Emulated.emulator());
    StoredSpace loaded = owner.load(Emulated.SPACE_ID);
    db.enqueueFault(RequestMatcher.route(EmulatorRoute.UPDATE_SPACE), Fault.status(403), 1);

    assertThatThrownBy(() -> owner.save(Emulated.SPACE_ID, withInstruction(loaded.space()), loaded.etag()))
        .isInstanceOf(AuthenticationException.class).hasMessageContaining("space " + Emulated.SPACE_ID);
    assertThat(db.space(Emulated.SPACE_ID).orElseThrow().serializedSpace()).doesNotContain("Amounts");
  }

  @Test
  void load_unknownSpace_throwsNotFound() {
    assertThatThrownBy(() -> spaces(Emulated.emulator()).load("ffff0000ffff0000ffff0000ffff0000"))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("ffff0000ffff0000ffff0000ffff0000");
  }

  @Test
  void load_invalidExport_throwsValidationNamingTheSpace() {
    GenieSpaceClient client = spaces(Emulated.emulator().space(EmulatedSpace.of("bad0000000000000000000000000000b",
        "Bad", Emulated.WAREHOUSE, "{\"version\":2,\"data_sources\":{\"tables\":\"not a list\"}}")));

    assertThatThrownBy(() -> client.load("bad0000000000000000000000000000b"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("bad0000000000000000000000000000b");
  }

  @Test
  void save_backupDirectoryNotWritable_changesNothing() throws IOException {
    Path file = Files.writeString(backups.resolve("a-file"), "x");
    db = Emulated.emulator().start();
    GenieSpaceClient client = GenieSpaceClient.builder(Emulated.workspace(db, clock, sleeper))
        .backupDirectory(file.resolve("sub")).build();
    StoredSpace loaded = client.load(Emulated.SPACE_ID);

    assertThatThrownBy(() -> client.save(Emulated.SPACE_ID, withInstruction(loaded.space()), loaded.etag()))
        .isInstanceOf(GenieHealException.class).hasMessageContaining("nothing was changed");
    assertThat(db.space(Emulated.SPACE_ID).orElseThrow().etag()).isEqualTo(loaded.etag());
  }

  @Test
  void cloneThenPromote_copiesTheSandboxOntoTheOriginalAfterABackup() {
    GenieSpaceClient client = spaces(Emulated.emulator());
    StoredSpace sandbox = client.cloneSpace(Emulated.SPACE_ID, " (sandbox)", null);
    assertThat(sandbox.spaceId()).isNotEqualTo(Emulated.SPACE_ID);
    assertThat(db.space(sandbox.spaceId()).orElseThrow().title()).isEqualTo("Sales (sandbox)");
    StoredSpace loaded = client.load(sandbox.spaceId());
    client.save(sandbox.spaceId(), withInstruction(loaded.space()), loaded.etag());

    client.promote(sandbox.spaceId(), Emulated.SPACE_ID);

    assertThat(db.space(Emulated.SPACE_ID).orElseThrow().serializedSpace()).contains("Amounts are in EUR");
    assertThat(client.backupOf(Emulated.SPACE_ID)).isPresent();
    client.trash(sandbox.spaceId());
    assertThat(db.space(sandbox.spaceId())).isEmpty();
  }

  @Test
  void load_unreachableHost_failsAfterBoundedRetriesNamingTheHost() {
    DatabricksWorkspace ws = DatabricksWorkspace.builder(DatabricksConfig.builder().host("http://127.0.0.1:1")
        .token("dapi0123456789abcdef0123456789abcdef").maxAttempts(3).connectTimeout(Duration.ofSeconds(2)).build())
        .clock(clock).sleeper(sleeper).build();

    assertThatThrownBy(() -> ws.spaces().load(Emulated.SPACE_ID))
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.status()).isZero())
        .hasMessageContaining("could not reach http://127.0.0.1:1").hasMessageContaining("after 3 attempts");
    assertThat(sleeper.sleeps()).hasSize(2);
  }
}
