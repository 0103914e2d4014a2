package io.realtimestreaming.model.registry;

import static io.realtimestreaming.model.registry.SchemaRegistryException.INCOMPATIBLE_SCHEMA;
import static io.realtimestreaming.model.registry.SchemaRegistryException.INVALID_SCHEMA;
import static io.realtimestreaming.model.registry.SchemaRegistryException.SCHEMA_NOT_FOUND;
import static io.realtimestreaming.model.registry.SchemaRegistryException.SUBJECT_NOT_FOUND;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;

/** Turns a registry's error answer ({@code {"error_code": ..., "message": ...}}) into advice. */
final class RegistryErrors {

  private RegistryErrors() {}

  static SchemaRegistryException of(
      String method, URI uri, String baseUrl, int status, JsonNode answer) {
    int code = answer == null ? 0 : answer.path("error_code").asInt(0);
    String said = answer == null ? "" : answer.path("message").asText("");
    String what =
        switch (code) {
          case SUBJECT_NOT_FOUND -> "the subject has no schema yet: register it first";
          case SCHEMA_NOT_FOUND ->
              "no schema has this id: was the registry restarted with in-memory storage"
                  + " (Apicurio's default)? Re-register the schema; records framed with the old"
                  + " id cannot be decoded";
          case INCOMPATIBLE_SCHEMA ->
              "the schema breaks the subject's compatibility level: under BACKWARD a new field"
                  + " needs a default and no field may change type";
          case INVALID_SCHEMA -> "the registry could not parse the schema";
          default ->
              status == 404
                  ? "nothing answers at this path: check the base URL (Confluent:"
                      + " http://host:8081, Apicurio: http://host:8081/apis/ccompat/v7)"
                  : status >= 500 ? "the registry failed: see its log" : "the request was refused";
        };
    return new SchemaRegistryException(
        String.format(
            "%s %s answered HTTP %d%s: %s%s",
            method,
            uri,
            status,
            code == 0 ? "" : " (error_code " + code + ")",
            what,
            said.isEmpty() ? "" : ". Registry said: " + said),
        status,
        code,
        null);
  }
}
