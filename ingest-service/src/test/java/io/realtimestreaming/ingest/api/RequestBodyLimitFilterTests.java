package io.realtimestreaming.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** The body cap on a body without Content-Length (chunked): read up to the cap, no further. */
class RequestBodyLimitFilterTests {

  private static final int CAP = 64;
  private final RequestBodyLimitFilter filter =
      new RequestBodyLimitFilter(CAP, JsonMapper.builder().build());

  @Test
  void aChunkedBodyWithinTheCapReachesTheApiWhole() throws Exception {
    byte[] body = "{\"count\": 5}".getBytes(StandardCharsets.UTF_8);
    AtomicReference<byte[]> seen = new AtomicReference<>();
    MockHttpServletResponse response = new MockHttpServletResponse();

    filter.doFilter(
        chunked(body),
        response,
        new MockFilterChain() {
          @Override
          public void doFilter(ServletRequest request, jakarta.servlet.ServletResponse r)
              throws java.io.IOException {
            seen.set(request.getInputStream().readAllBytes());
          }
        });

    assertThat(seen.get()).isEqualTo(body);
    assertThat(response.getStatus()).isEqualTo(200);
  }

  @Test
  void aChunkedBodyOverTheCapIs413() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();

    filter.doFilter(chunked(new byte[CAP + 1]), response, chain);

    assertThat(chain.getRequest()).as("the API never sees the request").isNull();
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(response.getHeader("Connection")).isEqualTo("close");
    assertThat(response.getContentAsString()).contains("more than 64 bytes");
  }

  @Test
  void aRequestWithoutBodyPassesUntouched() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/ingestions");
    MockFilterChain chain = new MockFilterChain();

    filter.doFilter(request, new MockHttpServletResponse(), chain);

    assertThat(chain.getRequest()).isSameAs(request);
  }

  /** A request whose length is not declared, as a chunked one arrives. */
  private static MockHttpServletRequest chunked(byte[] body) {
    MockHttpServletRequest request =
        new MockHttpServletRequest("POST", "/api/v1/ingestions") {
          @Override
          public long getContentLengthLong() {
            return -1;
          }

          @Override
          public int getContentLength() {
            return -1;
          }
        };
    request.addHeader("Transfer-Encoding", "chunked");
    request.setContent(body);
    return request;
  }
}
