package io.realtimestreaming.stream.decode;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class KafkaRecordTests {

  @Test
  void readsTheColumnsInTheOrderTheJobSelectsThem() {
    byte[] key = {1, 2};
    byte[] value = {0, 0, 0, 0, 1, 9};
    Row row = RowFactory.create(key, value, "users", 2, 41L, 1_700_000_000_123L);

    KafkaRecord record = KafkaRecord.of(row);

    assertThat(KafkaRecord.columns()).hasSize(row.size());
    assertThat(record.at()).isEqualTo(new SourcePosition("users", 2, 41, 1_700_000_000_123L));
    assertThat(record.key()).containsExactly(key);
    assertThat(record.value()).containsExactly(value);
  }

  @Test
  void aRecordWithoutKeyOrValueReadsAsNulls() {
    Row row = RowFactory.create(null, null, "users", 0, 7L, 0L);

    KafkaRecord record = KafkaRecord.of(row);

    assertThat(record.key()).isNull();
    assertThat(record.value()).isNull();
  }
}
