package io.realtimestreaming.stream.decode;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimestreaming.model.wire.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

class KafkaRecordTests {

  @Test
  void readsTheColumnsInTheOrderTheJobSelectsThem() {
    byte[] key = {1, 2};
    byte[] value = {0, 0, 0, 0, 1, 9};
    List<Row> headers =
        List.of(
            header("other", "x"),
            header(EventHeaders.RUN_ID, "00000000-0000-4000-8000-0000000000aa"),
            header(EventHeaders.USER_VERSION, "1748779200000001"));
    Row row = RowFactory.create(key, value, "users", 2, 41L, 1_700_000_000_123L, seq(headers));

    KafkaRecord record = KafkaRecord.of(row);

    assertThat(KafkaRecord.columns()).hasSize(row.size());
    assertThat(record.at()).isEqualTo(new SourcePosition("users", 2, 41, 1_700_000_000_123L));
    assertThat(record.key()).containsExactly(key);
    assertThat(record.value()).containsExactly(value);
    assertThat(record.runId()).isEqualTo("00000000-0000-4000-8000-0000000000aa");
    assertThat(record.version()).isEqualTo(1_748_779_200_000_001L);
  }

  @Test
  void aRecordWithoutKeyValueOrHeadersReadsAsNulls() {
    Row row = RowFactory.create(null, null, "users", 0, 7L, 0L, null);

    KafkaRecord record = KafkaRecord.of(row);

    assertThat(record.key()).isNull();
    assertThat(record.value()).isNull();
    assertThat(record.runId()).isNull();
    assertThat(record.version()).isNull();
  }

  @Test
  void aVersionHeaderThatIsNotANumberIsNoVersion() {
    Row row =
        RowFactory.create(
            null,
            null,
            "users",
            0,
            7L,
            0L,
            seq(List.of(header(EventHeaders.USER_VERSION, "soon"))));

    assertThat(KafkaRecord.of(row).version()).isNull();
  }

  /** An array column as Spark hands it over: a Scala sequence. */
  private static Object seq(List<Row> rows) {
    return CollectionConverters.asScala(rows).toSeq();
  }

  private static Row header(String key, String value) {
    return RowFactory.create(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
