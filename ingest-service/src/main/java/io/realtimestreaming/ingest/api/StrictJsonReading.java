package io.realtimestreaming.ingest.api;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads request bodies as their schema says, nothing more: an unknown field, a repeated field, text
 * or a fraction or a boolean where an integer belongs ({@link IntegralNumberDeserializer}), a
 * number or a boolean where text belongs, a single value where a list belongs: each fails the read,
 * and the API answers 400 naming the field ({@link ApiProblems}). Applied to the JSON mapper Spring
 * MVC reads request bodies with.
 */
final class StrictJsonReading implements JsonMapperBuilderCustomizer {

  @Override
  public void customize(JsonMapper.Builder builder) {
    builder
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        // count: 10 (or 10.0, the same JSON Schema integer), never 1.5, "10" or true
        .addModule(
            new SimpleModule("integral-numbers")
                .addDeserializer(Integer.class, new IntegralNumberDeserializer()))
        // seed, nationalities[i]: "us", never 10 or true
        .withCoercionConfig(
            LogicalType.Textual,
            config ->
                config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        // nationalities: ["us"], never "us" or ""
        .withCoercionConfig(
            LogicalType.Collection,
            config ->
                config
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
  }
}
