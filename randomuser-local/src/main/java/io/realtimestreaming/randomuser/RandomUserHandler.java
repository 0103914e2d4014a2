package io.realtimestreaming.randomuser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.realtimestreaming.randomuser.FaultInjection.Fault;
import io.realtimestreaming.randomuser.FaultInjection.Injected;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers one request: route, parse, inject the fault asked for, generate, write, log. */
final class RandomUserHandler implements HttpHandler {

  private static final Logger log = LoggerFactory.getLogger(RandomUserServer.class);
  private static final Set<String> API_PATHS = Set.of("/api", "/api/", "/api/1.4", "/api/1.4/");
  private static final String JSON = "application/json; charset=utf-8";

  private final RandomUserGenerator generator;
  private final FaultInjection faults = new FaultInjection();
  private final RandomUserJsonWriter writer = new RandomUserJsonWriter();

  RandomUserHandler(RandomUserGenerator generator) {
    this.generator = generator;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    int status = 500;
    int results = 0;
    try {
      Response response = respond(exchange);
      status = response.status();
      results = response.results();
    } catch (IOException e) {
      log.debug("client went away: {}", e.toString()); // e.g. it timed out during a slow fault
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the server is closing
    } catch (RuntimeException e) {
      log.error("failed to answer {}", exchange.getRequestURI(), e);
      sendError(exchange, 500, RandomUserJsonWriter.API_ERROR);
    } finally {
      exchange.close();
      log.info(
          "{} {} -> {} results={} {}ms",
          exchange.getRequestMethod(),
          exchange.getRequestURI(),
          status,
          results,
          (System.nanoTime() - started) / 1_000_000);
    }
  }

  private record Response(int status, int results) {}

  private Response respond(HttpExchange exchange) throws IOException, InterruptedException {
    if (!API_PATHS.contains(exchange.getRequestURI().getPath())) {
      return sendError(exchange, 404, RandomUserJsonWriter.API_ERROR);
    }
    if (!exchange.getRequestMethod().equals("GET")) {
      return sendError(exchange, 405, "only GET is served");
    }
    Map<String, String> parameters = QueryParameters.parse(exchange.getRequestURI().getRawQuery());
    Optional<Injected> injected;
    RandomUserQuery query;
    try {
      injected = faults.decide(parameters, exchange.getRequestHeaders()::getFirst);
      query = RandomUserQuery.parse(parameters, RandomUserHandler::randomSeed);
    } catch (IllegalArgumentException e) {
      return sendError(exchange, 400, e.getMessage());
    }
    Fault fault = injected.map(Injected::fault).orElse(null);
    if (fault == Fault.TOO_MANY_REQUESTS) {
      return sendError(exchange, 429, RandomUserJsonWriter.API_ERROR);
    }
    if (fault == Fault.SERVER_ERROR) {
      return sendError(exchange, 500, RandomUserJsonWriter.API_ERROR);
    }
    if (fault == Fault.SLOW) {
      Thread.sleep(injected.get().delayMillis()); // the fault is the wait itself
    }
    if (fault == Fault.HTML) {
      return sendBody(exchange, "text/html; charset=utf-8", RandomUserJsonWriter.HTML_ERROR);
    }
    if (fault == Fault.ERROR_JSON) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      writer.writeError(body, RandomUserJsonWriter.API_ERROR);
      return sendBody(exchange, JSON, body.toString(StandardCharsets.UTF_8));
    }
    List<RandomUser> users = generator.users(query);
    if (fault == Fault.BAD_RECORD) {
      users = BadRecords.corrupt(users);
    }
    if (fault == Fault.MIXED) {
      List<RandomUser> previous =
          query.page() > 1 ? generator.users(query.onPage(query.page() - 1)) : List.of();
      users = MixedRecords.corrupt(users, query.page(), previous);
    }
    exchange.getResponseHeaders().set("Content-Type", JSON);
    if (fault == Fault.MALFORMED) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      writer.writePage(body, query, users);
      byte[] truncated = Arrays.copyOf(body.toByteArray(), body.size() / 2);
      exchange.sendResponseHeaders(200, truncated.length);
      exchange.getResponseBody().write(truncated);
      return new Response(200, users.size());
    }
    exchange.sendResponseHeaders(200, 0); // chunked: the body is streamed as it is generated
    writer.writePage(exchange.getResponseBody(), query, users);
    return new Response(200, users.size());
  }

  /** A 200 whose body is no page. */
  private static Response sendBody(HttpExchange exchange, String contentType, String text)
      throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
    return new Response(200, 0);
  }

  private Response sendError(HttpExchange exchange, int status, String message) {
    try {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      writer.writeError(body, message);
      exchange.getResponseHeaders().set("Content-Type", JSON);
      exchange.sendResponseHeaders(status, body.size());
      try (OutputStream out = exchange.getResponseBody()) {
        body.writeTo(out);
      }
    } catch (IOException e) {
      log.debug("could not send {} to the client: {}", status, e.toString());
    }
    return new Response(status, 0);
  }

  /** What the API reports as {@code info.seed} when none was given: 16 hex digits. */
  private static String randomSeed() {
    return String.format("%016x", ThreadLocalRandom.current().nextLong());
  }
}
