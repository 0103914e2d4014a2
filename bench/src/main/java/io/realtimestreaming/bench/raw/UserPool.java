package io.realtimestreaming.bench.raw;

import io.realtimestreaming.ingest.users.FetchedUser;
import io.realtimestreaming.model.User;
import io.realtimestreaming.model.randomuser.MalformedUserException;
import io.realtimestreaming.model.randomuser.RandomUserMapper;
import io.realtimestreaming.model.randomuser.RandomUserPage;
import io.realtimestreaming.model.randomuser.RandomUserResult;
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
 * Users for the raw phases and the stream's topic, made before any clock starts: a page of real
 * records from the offline randomuser source, mapped by common-model's mapper as the service maps
 * them, each repeated with fresh ids. The stores key by id and do not compare contents, so a pool
 * gives rows of the pipeline's shape and size without holding every record's JSON in memory.
 */
public final class UserPool {

  static final int SIZE = 5000;

  private final List<FetchedUser> pool;

  private UserPool(List<FetchedUser> pool) {
    this.pool = pool;
  }

  /** Fetches and maps one page of {@value #SIZE} from the randomuser source at {@code baseUrl}. */
  public static UserPool fetch(String baseUrl) throws IOException, InterruptedException {
    URI uri = URI.create(baseUrl + "?results=" + SIZE + "&seed=bench-pool");
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException(
          "GET " + uri + " answered " + response.statusCode() + "; is the randomuser source up?");
    }
    RandomUserMapper mapper = new RandomUserMapper();
    UUID run = UUID.randomUUID();
    Instant now = Instant.now();
    List<FetchedUser> pool = new ArrayList<>(SIZE);
    for (RandomUserResult result : RandomUserPage.parse(response.body()).results()) {
      try {
        pool.add(new FetchedUser(mapper.toUser(result, run, now), result.json()));
      } catch (MalformedUserException e) {
        // the source's rare invalid record is left out, as the service rejects it
      }
    }
    if (pool.isEmpty()) {
      throw new IOException("GET " + uri + " answered no valid users");
    }
    return new UserPool(pool);
  }

  /**
   * {@code count} users with fresh ids, of one run, ingested at one instant, at one version (a
   * version in microseconds since the epoch, as the service stamps them).
   */
  public List<FetchedUser> users(int count, UUID runId, Instant ingestedAt, long version) {
    List<FetchedUser> users = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      FetchedUser template = pool.get(i % pool.size());
      users.add(
          new FetchedUser(
              copy(template.user(), UUID.randomUUID(), runId, ingestedAt, version),
              template.rawJson()));
    }
    return users;
  }

  /** The pool's records, for encoding once (see {@link CsvLine}). */
  List<FetchedUser> templates() {
    return pool;
  }

  private static User copy(User u, UUID id, UUID runId, Instant ingestedAt, long version) {
    return new User(
        id,
        u.firstName(),
        u.lastName(),
        u.gender(),
        u.address(),
        u.postCode(),
        u.email(),
        u.username(),
        u.dob(),
        u.registeredDate(),
        u.phone(),
        u.picture(),
        u.nationality(),
        runId,
        ingestedAt,
        version);
  }
}
