package io.realtimestreaming.ingest.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets an API request through only with one of the service's {@code X-API-Key}s; anything else gets
 * 401 as problem+json. Registered for {@code /api/*} only; the actuator answers on a port of its
 * own (management.server.port).
 */
final class ApiKeyFilter extends OncePerRequestFilter {

  static final String HEADER = "X-API-Key";

  private final ApiKeys keys;
  private final JsonMapper json;

  ApiKeyFilter(ApiKeys keys, JsonMapper json) {
    this.keys = keys;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String given = request.getHeader(HEADER);
    if (keys.accepts(given)) {
      chain.doFilter(request, response);
      return;
    }
    ProblemResponses.write(
        request,
        response,
        json,
        HttpStatus.UNAUTHORIZED,
        given == null
            ? "the " + HEADER + " header is missing"
            : "the " + HEADER + " header does not hold one of the service's API keys");
  }
}
