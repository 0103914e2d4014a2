package io.realtimestreaming.ingest.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.matches;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import io.realtimestreaming.ingest.reconcile.RunReconciler;
import io.realtimestreaming.ingest.reconcile.RunReconciliation;
import io.realtimestreaming.ingest.run.IngestionRun;
import io.realtimestreaming.ingest.run.IngestionRunRepository;
import io.realtimestreaming.ingest.run.RunLauncher;
import io.realtimestreaming.ingest.run.TestRuns;
import io.realtimestreaming.ingest.users.UserStore;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.CannotCreateTransactionException;

/** The API's contract: 202 with Location, and 400/401/404/503 as problem+json. */
@WebMvcTest(IngestionController.class)
@Import(ApiConfig.class)
@ActiveProfiles("dev") // the development key below is accepted in the profile dev only
@TestPropertySource(properties = "ingest.api.key=test-key")
class IngestionControllerTests {

  private static final String PROBLEM = "application/problem+json";

  @Autowired MockMvc mvc;
  @MockitoBean RunLauncher launcher;
  @MockitoBean IngestionRunRepository runs;
  @MockitoBean UserStore users;
  @MockitoBean RunReconciler reconciler;

  @Test
  void startsARunAndAnswers202WithItsLocation() throws Exception {
    IngestionRun run = TestRuns.running(500, "abc");
    given(launcher.start(500, "abc", List.of("us", "gb"))).willReturn(run);

    mvc.perform(
            withKey(post("/api/v1/ingestions"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"count\":500,\"seed\":\"abc\",\"nationalities\":[\"US\",\"gb\"]}"))
        .andExpect(status().isAccepted())
        .andExpect(header().string("Location", "http://localhost/api/v1/ingestions/" + run.getId()))
        .andExpect(jsonPath("$.status").value("RUNNING"))
        .andExpect(jsonPath("$.requested").value(500));
  }

  @Test
  void generatesASeedWhenNoneIsGiven() throws Exception {
    given(launcher.start(eq(10), anyString(), eq(List.of()))).willReturn(TestRuns.running(10, "x"));

    mvc.perform(
            withKey(post("/api/v1/ingestions"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"count\":10}"))
        .andExpect(status().isAccepted());

    verify(launcher).start(eq(10), matches("[0-9a-f]{16}"), eq(List.of()));
  }

  @Test
  void aCountOutOfRangeIs400NamingCount() throws Exception {
    expectBadRequest("{\"count\":100001,\"seed\":\"s\"}", "count");
    expectBadRequest("{\"count\":0}", "count");
    expectBadRequest("{\"seed\":\"s\"}", "count");
    verifyNoInteractions(launcher);
  }

  @Test
  void aCountOfTheWrongTypeIs400NamingCount() throws Exception {
    expectBadRequest("{\"count\":\"many\"}", "count");
  }

  @Test
  void anUnknownFieldIs400NamingIt() throws Exception {
    expectBadRequest("{\"count\": 10, \"nat\": [\"us\"]}", "nat");
    mvc.perform(
            withKey(post("/api/v1/ingestions"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"count\": 10, \"nat\": [\"us\"]}"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("count")))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("nationalities")));
    verifyNoInteractions(launcher);
  }

  @Test
  void aCountThatIsNoJsonIntegerIs400NamingCount() throws Exception {
    for (String count :
        List.of("1.5", "1e-1", "\"10\"", "true", "[10]", "{}", "null", "2147483648", "1e10")) {
      expectBadRequest("{\"count\": " + count + "}", "count");
    }
    verifyNoInteractions(launcher);
  }

  @Test
  void aCountWrittenWithAZeroFractionIsTheSameInteger() throws Exception {
    // JSON Schema's integer: 10.0 and 1e1 are the integer ten, as the OpenAPI document says
    given(launcher.start(eq(10), anyString(), eq(List.of()))).willReturn(TestRuns.running(10, "x"));

    for (String count : List.of("10.0", "1e1", "10.000")) {
      mvc.perform(
              withKey(post("/api/v1/ingestions"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"count\": " + count + "}"))
          .andExpect(status().isAccepted());
    }
  }

  @Test
  void aSeedOrNationalityThatIsNoJsonStringIs400NamingIt() throws Exception {
    expectBadRequest("{\"count\": 5, \"seed\": 42}", "seed");
    expectBadRequest("{\"count\": 5, \"seed\": true}", "seed");
    expectBadRequest("{\"count\": 5, \"nationalities\": \"us\"}", "nationalities");
    expectBadRequest("{\"count\": 5, \"nationalities\": [\"us\", 7]}", "nationalities[1]");
    expectBadRequest("{\"count\": 5, \"nationalities\": [null]}", "nationalities[0]");
    verifyNoInteractions(launcher);
  }

  @Test
  void aFieldGivenTwiceIs400NamingIt() throws Exception {
    expectBadRequest("{\"count\": 5, \"count\": 100000}", "count");
  }

  @Test
  void aBodyOverTheCapIs413WithoutReachingTheController() throws Exception {
    String seed = "a".repeat(17 * 1024);
    mvc.perform(
            withKey(post("/api/v1/ingestions"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"count\": 5, \"seed\": \"" + seed + "\"}"))
        .andExpect(status().isContentTooLarge())
        .andExpect(content().contentType(PROBLEM))
        .andExpect(jsonPath("$.status").value(413))
        .andExpect(jsonPath("$.detail").value(containsString("16384 bytes")));
    verifyNoInteractions(launcher);
  }

  @Test
  void aMixedCaseNationalityIsNotOneOfTheCodes() throws Exception {
    expectBadRequest("{\"count\": 5, \"nationalities\": [\"Us\"]}", "nationalities[0]");
  }

  @Test
  void anUnknownNationalityIs400NamingItsIndex() throws Exception {
    expectBadRequest("{\"count\":5,\"nationalities\":[\"us\",\"xx\"]}", "nationalities[1]");
  }

  @Test
  void aSeedWithUnsafeCharactersIs400NamingSeed() throws Exception {
    expectBadRequest("{\"count\":5,\"seed\":\"a&page=9\"}", "seed");
  }

  @Test
  void aBodyThatIsNotJsonIs400() throws Exception {
    mvc.perform(
            withKey(post("/api/v1/ingestions"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("count=5"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(PROBLEM));
  }

  @Test
  void aMissingApiKeyIs401() throws Exception {
    mvc.perform(get("/api/v1/ingestions"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentType(PROBLEM))
        .andExpect(jsonPath("$.detail").value(containsString("X-API-Key header is missing")));
  }

  @Test
  void aWrongApiKeyIs401() throws Exception {
    mvc.perform(get("/api/v1/ingestions").header("X-API-Key", "test-kez"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentType(PROBLEM));
    verifyNoInteractions(runs);
  }

  @Test
  void anUnknownRunIs404() throws Exception {
    UUID id = UUID.randomUUID();
    given(runs.findById(id)).willReturn(Optional.empty());

    mvc.perform(withKey(get("/api/v1/ingestions/" + id)))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(PROBLEM))
        .andExpect(jsonPath("$.detail").value(containsString(id.toString())));
    mvc.perform(withKey(get("/api/v1/ingestions/" + id + "/users")))
        .andExpect(status().isNotFound());
  }

  @Test
  void aRunIdThatIsNotAUuidIs400NamingId() throws Exception {
    mvc.perform(withKey(get("/api/v1/ingestions/42")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("id"));
  }

  @Test
  void aUsersLimitOutOfRangeIs400NamingLimit() throws Exception {
    mvc.perform(withKey(get("/api/v1/ingestions/" + UUID.randomUUID() + "/users?limit=0")))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(PROBLEM))
        .andExpect(jsonPath("$.errors[0].field").value("limit"));
  }

  @Test
  void listsTheUserIdsOfARun() throws Exception {
    IngestionRun run = TestRuns.running(2, "s");
    UUID user = UUID.randomUUID();
    given(runs.findById(run.getId())).willReturn(Optional.of(run));
    given(users.idsOfRun(run.getId(), 5)).willReturn(List.of(user));

    mvc.perform(withKey(get("/api/v1/ingestions/" + run.getId() + "/users?limit=5")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.userIds[0]").value(user.toString()));
  }

  @Test
  void showsARunWithItsReconciliation() throws Exception {
    IngestionRun run = TestRuns.running(10, "s");
    given(runs.findById(run.getId())).willReturn(Optional.of(run));
    given(reconciler.reconcile(run))
        .willReturn(
            new RunReconciliation(
                Map.of("invalid_email", 2), 8, 8, 0, 7L, 1L, List.of("ingesting"), null, false));

    mvc.perform(withKey(get("/api/v1/ingestions/" + run.getId())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.reconciliation.rejectedByReason.invalid_email").value(2))
        .andExpect(jsonPath("$.reconciliation.landed").value(7))
        .andExpect(jsonPath("$.reconciliation.deadLettered").value(1))
        .andExpect(jsonPath("$.reconciliation.pending[0]").value("ingesting"))
        .andExpect(jsonPath("$.reconciliation.caughtUp").value(false));
  }

  @Test
  void listsTheUsersARunStillWaitsFor() throws Exception {
    IngestionRun run = TestRuns.running(2, "s");
    UUID user = UUID.randomUUID();
    given(runs.findById(run.getId())).willReturn(Optional.of(run));
    given(reconciler.unaccounted(run.getId(), 10)).willReturn(List.of(user));

    mvc.perform(withKey(get("/api/v1/ingestions/" + run.getId() + "/pending?limit=10")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.userIds[0]").value(user.toString()));
  }

  @Test
  void aDatabaseThatIsAwayIs503NotA500() throws Exception {
    UUID id = UUID.randomUUID();
    given(runs.findById(id)).willThrow(new CannotCreateTransactionException("Connection refused"));

    mvc.perform(withKey(get("/api/v1/ingestions/" + id)))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().exists("Retry-After"))
        .andExpect(content().contentType(PROBLEM))
        .andExpect(jsonPath("$.detail").value(containsString("PostgreSQL")));
  }

  @Test
  void aConnectionLostMidRequestIs503() throws Exception {
    UUID id = UUID.randomUUID();
    given(runs.findById(id))
        .willThrow(
            new JpaSystemException(
                new RuntimeException(new SQLException("Connection is closed", "08003"))));

    mvc.perform(withKey(get("/api/v1/ingestions/" + id)))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().exists("Retry-After"))
        .andExpect(content().contentType(PROBLEM));
  }

  @Test
  void anyOtherDatabaseFailureIs500ProblemJsonWithoutItsText() throws Exception {
    UUID id = UUID.randomUUID();
    given(runs.findById(id)).willThrow(new DataIntegrityViolationException("Detail: secret"));

    mvc.perform(withKey(get("/api/v1/ingestions/" + id)))
        .andExpect(status().isInternalServerError())
        .andExpect(content().contentType(PROBLEM))
        .andExpect(jsonPath("$.detail").value(containsString("log")))
        .andExpect(content().string(not(containsString("secret"))));
  }

  @Test
  void aLedgerThatIsAwayIs503ForThePendingUsers() throws Exception {
    IngestionRun run = TestRuns.running(2, "s");
    given(runs.findById(run.getId())).willReturn(Optional.of(run));
    given(reconciler.unaccounted(run.getId(), 100))
        .willThrow(new AllNodesFailedException("no node", null, List.of()) {});

    mvc.perform(withKey(get("/api/v1/ingestions/" + run.getId() + "/pending")))
        .andExpect(status().isServiceUnavailable())
        .andExpect(content().contentType(PROBLEM))
        .andExpect(jsonPath("$.detail").value(containsString("Cassandra")));
  }

  @Test
  void aFullRunQueueIs503WithRetryAfter() throws Exception {
    given(launcher.start(anyInt(), anyString(), any()))
        .willThrow(TestRuns.capacityExceeded("2 runs are executing"));

    mvc.perform(
            withKey(post("/api/v1/ingestions"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"count\":5}"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().exists("Retry-After"))
        .andExpect(content().contentType(PROBLEM));
  }

  @Test
  void onlyTheApiIsBehindTheKey() throws Exception {
    // the filter guards /api/* only: anything else reaches the dispatcher (404 here; the actuator
    // answers on the management port, see IngestionFlowIT)
    mvc.perform(get("/actuator/health")).andExpect(status().isNotFound());
  }

  private void expectBadRequest(String body, String field) throws Exception {
    mvc.perform(
            withKey(post("/api/v1/ingestions"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(PROBLEM))
        .andExpect(jsonPath("$.errors[0].field").value(field))
        .andExpect(jsonPath("$.detail").value(containsString(field)));
  }

  private static MockHttpServletRequestBuilder withKey(MockHttpServletRequestBuilder request) {
    return request.header("X-API-Key", "test-key");
  }
}
