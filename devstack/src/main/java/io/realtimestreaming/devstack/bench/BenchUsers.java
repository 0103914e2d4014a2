package io.realtimestreaming.devstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The rows the raw phases write, generated before any clock starts: {@code count} distinct ids over
 * a pool of real user records from the offline randomuser source, so every row has the shape and
 * size of what the pipeline stores. A pool rather than {@code count} records keeps 200,000 rows
 * (each with its ~1 KB raw JSON) inside the CLI's small heap; the stores cannot tell, since they
 * key by id and do not compare contents.
 */
final class BenchUsers {

  static final int POOL_SIZE = 5000;

  private final List<UserRow> pool;
  private final UUID[] ids;
  private final UUID runId = UUID.randomUUID();
  private final Instant ingestedAt = Instant.now();

  private BenchUsers(List<UserRow> pool, int count) {
    this.pool = pool;
    this.ids = new UUID[count];
    for (int i = 0; i < count; i++) {
      ids[i] = UUID.randomUUID();
    }
  }

  /** Fetches the pool from the randomuser source at {@code baseUrl} (one request). */
  static BenchUsers generate(String baseUrl, int count) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    URI uri = URI.create(baseUrl + "?results=" + POOL_SIZE + "&seed=bench-pool");
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(
          "GET "
              + uri
              + " answered "
              + response.statusCode()
              + "; is `./pipeline up randomuser` running?");
    }
    List<UserRow> pool = new ArrayList<>(POOL_SIZE);
    for (JsonNode result : new ObjectMapper().readTree(response.body()).path("results")) {
      pool.add(UserRow.from(result));
    }
    if (pool.isEmpty()) {
      throw new IOException("GET " + uri + " answered no users");
    }
    return new BenchUsers(pool, count);
  }

  /** As many rows over the same pool with fresh ids, e.g. for a warm-up pass. */
  BenchUsers others(int count) {
    return new BenchUsers(pool, count);
  }

  int count() {
    return ids.length;
  }

  UUID id(int i) {
    return ids[i];
  }

  UserRow row(int i) {
    return pool.get(i % pool.size());
  }

  List<UserRow> pool() {
    return pool;
  }

  UUID runId() {
    return runId;
  }

  Instant ingestedAt() {
    return ingestedAt;
  }
}
