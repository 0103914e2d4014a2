package io.realtimestreaming.stream.decode;

import io.realtimestreaming.model.registry.SchemaRegistryClient;
import io.realtimestreaming.model.registry.SchemaRegistryException;
import java.util.Optional;
import org.apache.avro.Schema;

/** The schemas records were written with, by registry id. */
@FunctionalInterface
public interface WriterSchemas {

  /**
   * @return the schema, or empty when the registry holds no Avro schema under this id (the record
   *     is poison)
   * @throws RuntimeException when the registry cannot answer (an outage: the batch must fail)
   */
  Optional<Schema> byId(int schemaId);

  /** Schemas from a registry; the client caches them for its lifetime. */
  static WriterSchemas of(SchemaRegistryClient registry) {
    return schemaId -> {
      try {
        return Optional.of(registry.schemaById(schemaId));
      } catch (SchemaRegistryException e) {
        // 40403: the registry does not know the id. 200: it answered with a schema that is not
        // Avro. Both are properties of the record. Anything else (no answer, 5xx, a bare 404 from
        // a wrong base URL) is the job's or the registry's problem, so it propagates.
        if (e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND || e.httpStatus() == 200) {
          return Optional.empty();
        }
        throw e;
      }
    };
  }
}
