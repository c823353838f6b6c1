package dev.genieheal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.genieheal.doubles.RecordingSink;
import dev.genieheal.doubles.SampleEvents;
import org.junit.jupiter.api.Test;

class ProgressSinkTest {
  @Test
  void logging_everyEventKind_neverThrows() {
    ProgressSink logging = ProgressSink.logging();
    SampleEvents.oneOfEach().forEach(e -> assertThatCode(() -> logging.accept(e)).doesNotThrowAnyException());
    assertThat(logging).hasToString("logging");
  }

  @Test
  void fanOut_sinkThrows_othersStillGetTheEvent() {
    RecordingSink first = new RecordingSink();
    RecordingSink last = new RecordingSink();
    ProgressSink fanOut = ProgressSink.fanOut(first, e -> {
      throw new IllegalStateException("broken");
    }, last);

    SampleEvents.oneOfEach().forEach(fanOut::accept);

    assertThat(first.events()).isEqualTo(SampleEvents.oneOfEach());
    assertThat(last.events()).isEqualTo(SampleEvents.oneOfEach());
  }

  @Test
  void fanOut_nullSink_isRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProgressSink.fanOut((ProgressSink) null))
        .isInstanceOf(NullPointerException.class);
  }
}
