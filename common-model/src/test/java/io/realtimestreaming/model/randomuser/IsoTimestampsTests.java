package io.realtimestreaming.model.randomuser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimestampsTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1992-03-08T15:13:16.688Z",
        "1945-01-01T00:00:00.000Z", // before the epoch
        "2000-02-29T23:59:59.999Z", // a leap day
        "2019-12-31T23:59:59.001Z",
        "1992-03-08T15:13:16Z", // other shapes: the reference parser
        "1992-03-08T15:13:16.688+02:00",
        "1992-03-08T15:13:16.123456Z"
      })
  void readsWhatTheReferenceParserReads(String text) {
    assertThat(IsoTimestamps.parse(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1992-13-08T15:13:16.688Z",
        "2001-02-29T15:13:16.688Z",
        "1992-03-08T24:13:16.688Z",
        "1992-03-08T15:60:16.688Z",
        "1992-03-08T15:13:60.688Z",
        "1992-03-08 15:13:16.688Z",
        "1992-03-08T15:13:16.688",
        "not a date at all, 24 ch"
      })
  void refusesWhatTheReferenceParserRefuses(String text) {
    assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> IsoTimestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
  }
}
