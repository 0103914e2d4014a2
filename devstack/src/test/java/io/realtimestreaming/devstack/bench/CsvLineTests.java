package io.realtimestreaming.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvLineTests {

  @Test
  void quotesAValueAndDoublesItsQuotes() {
    assertThat(CsvLine.field(new StringBuilder(), "{\"a\": \"b, c\"}").toString())
        .isEqualTo("\"{\"\"a\"\": \"\"b, c\"\"}\"");
  }

  @Test
  void writesNullAsTheUnquotedEmptyStringAndEmptyAsQuoted() {
    // COPY ... (FORMAT csv) reads an unquoted empty field as NULL and "" as the empty string
    assertThat(CsvLine.field(new StringBuilder(), null).toString()).isEmpty();
    assertThat(CsvLine.field(new StringBuilder(), "").toString()).isEqualTo("\"\"");
  }
}
