package dev.genieheal.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FixJsonProperties {

  @Property(tries = 300)
  void read_ofWrite_isIdentity(@ForAll("fixes") Fix fix) {
    assertThat(FixJson.read(FixJson.write(fix))).isEqualTo(fix);
  }

  @Property(tries = 50)
  void readAll_ofWriteAll_isIdentity(@ForAll("fixLists") List<Fix> fixes) {
    ParsedFixes parsed = FixJson.readAll(FixJson.writeAll(fixes));

    assertThat(parsed.violations()).isEmpty();
    assertThat(parsed.fixes()).isEqualTo(fixes);
  }

  @Provide
  Arbitrary<Fix> fixes() {
    return FixArbitraries.fixes();
  }

  @Provide
  Arbitrary<List<Fix>> fixLists() {
    return FixArbitraries.fixes().list().ofMaxSize(8);
  }
}
