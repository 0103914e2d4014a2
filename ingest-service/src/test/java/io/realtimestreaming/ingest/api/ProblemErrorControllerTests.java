package io.realtimestreaming.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** The error page answers problem+json with the status the container gives it. */
class ProblemErrorControllerTests {

  private final ProblemErrorController controller = new ProblemErrorController();

  @Test
  void aContainerErrorKeepsItsStatus() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
    request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 400);
    request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/ingestions");

    ResponseEntity<ProblemDetail> answer = controller.error(request);

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer.getBody().getInstance()).hasToString("/api/v1/ingestions");
  }

  @Test
  void anUnknownFailureIsA500WithoutItsText() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
    request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret"));

    ResponseEntity<ProblemDetail> answer = controller.error(request);

    assertThat(answer.getStatusCode().value()).isEqualTo(500);
    assertThat(answer.getBody().getDetail()).doesNotContain("secret").contains("log");
  }
}
