package io.realtimestreaming.ingest.randomuser;

import java.util.List;

/**
 * One randomuser request: {@code results} users of page {@code page} (1-based) for {@code seed},
 * optionally restricted to some nationalities.
 */
public record PageQuery(String seed, int page, int results, List<String> nationalities) {

  public PageQuery {
    nationalities = List.copyOf(nationalities);
  }
}
