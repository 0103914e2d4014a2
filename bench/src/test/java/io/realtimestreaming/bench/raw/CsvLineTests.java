package io.realtimestreaming.bench.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.realtimestreaming.ingest.users.FetchedUser;
import io.realtimestreaming.model.User;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CsvLineTests {

  private static final Instant T = Instant.parse("2020-01-02T03:04:05.678Z");
  private static final UUID RUN = UUID.fromString("00000000-0000-0000-0000-0000000000aa");

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

  @Test
  void writesTheColumnsInTheTablesOrder() {
    CsvLine line = CsvLine.forColumns(List.of("id", "version", "first_name", "gender", "raw"));

    String rest = new String(line.rest(user()), StandardCharsets.UTF_8);

    assertThat(rest).isEqualTo("\"42\",\"Ada\",,\"{\"\"a\"\":1}\"\n");
  }

  @Test
  void refusesATableWithAColumnItDoesNotKnowOrWithoutTheIdFirst() {
    assertThatThrownBy(() -> CsvLine.forColumns(List.of("id", "first_name", "shoe_size")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("shoe_size");
    assertThatThrownBy(() -> CsvLine.forColumns(List.of("first_name", "id")))
        .isInstanceOf(IllegalStateException.class);
  }

  private static FetchedUser user() {
    User user =
        new User(
            UUID.randomUUID(),
            "Ada",
            "L",
            null,
            null,
            null,
            "a@x.io",
            "ada",
            T,
            T,
            null,
            null,
            "GB",
            RUN,
            T,
            42);
    return new FetchedUser(user, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
  }
}
