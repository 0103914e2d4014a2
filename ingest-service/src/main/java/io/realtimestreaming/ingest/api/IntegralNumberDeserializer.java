package io.realtimestreaming.ingest.api;

import java.math.BigDecimal;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * An {@code Integer} as JSON Schema's {@code integer}: {@code 10}, and also {@code 10.0} and {@code
 * 1e1}, which are the same number; never {@code 1.5}, nor a string, a boolean or a value outside
 * Java's int. The OpenAPI document says {@code "type": "integer"}, and a client (or a JSON library
 * that writes every number with a fraction) may send the integer ten as {@code 10.0}.
 */
final class IntegralNumberDeserializer extends ValueDeserializer<Integer> {

  @Override
  public Integer deserialize(JsonParser p, DeserializationContext ctxt) {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      BigDecimal value = p.getDecimalValue();
      try {
        return value.intValueExact();
      } catch (ArithmeticException e) {
        return (Integer)
            ctxt.handleWeirdNumberValue(
                Integer.class, p.getNumberValue(), "not an integer within -2^31..2^31-1");
      }
    }
    return (Integer) ctxt.handleUnexpectedToken(Integer.class, p);
  }
}
