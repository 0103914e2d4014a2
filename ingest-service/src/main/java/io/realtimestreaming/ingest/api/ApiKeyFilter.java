package io.realtimestreaming.ingest.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets an API request through only with the right {@code X-API-Key}; anything else gets 401 as
 * problem+json. Registered for {@code /api/*} only, so actuator (health) stays open.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

  static final String HEADER = "X-API-Key";

  private final byte[] expected;
  private final JsonMapper json;

  ApiKeyFilter(String apiKey, JsonMapper json) {
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException("ingest.api.key (INGEST_API_KEY) must not be blank");
    }
    this.expected = apiKey.getBytes(StandardCharsets.UTF_8);
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String given = request.getHeader(HEADER);
    // constant-time comparison: the answer time says nothing about how much of the key matched
    if (given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
      chain.doFilter(request, response);
      return;
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNAUTHORIZED,
            given == null
                ? "the " + HEADER + " header is missing"
                : "the " + HEADER + " header does not hold the service's API key");
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
