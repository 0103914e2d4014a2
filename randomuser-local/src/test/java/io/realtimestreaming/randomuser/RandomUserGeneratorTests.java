package io.realtimestreaming.randomuser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RandomUserGeneratorTests {

  private final RandomUserGenerator generator = new RandomUserGenerator(RandomUserHttp.FIXED_CLOCK);

  private List<RandomUser> users(String rawQuery) {
    return generator.users(
        RandomUserQuery.parse(QueryParameters.parse(rawQuery), () -> "unseeded"));
  }

  @Test
  void theSeedKeyIsTheFirstEightBytesOfTheSeedsSha256() {
    // SHA-256("abc") = ba7816bf8f01cfea 414140de5dae2223 ...: fixed forever, on every machine
    assertThat(UserSeeds.seedKey("abc")).isEqualTo(0xba7816bf8f01cfeaL);
  }

  @Test
  void theSameSeedAndPageGiveTheSameUsers() {
    List<RandomUser> first = users("seed=same&page=3&results=50");
    List<RandomUser> second =
        new RandomUserGenerator(RandomUserHttp.FIXED_CLOCK)
            .users(
                RandomUserQuery.parse(
                    QueryParameters.parse("seed=same&page=3&results=50"), () -> ""));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void usersDoNotDependOnTheDrawOrderOfThisJvm() {
    // Pinned values that depend only on UserSeeds and the draw order, not on Datafaker's data:
    // if this fails, every seed now gives different users than before.
    RandomUser user = users("seed=golden&nat=us").get(0);

    assertThat(user.login().uuid()).isEqualTo("c0403577-5455-4e02-ae31-a362c1db66f5");
    assertThat(user.login().username()).isEqualTo("silvermonkey256");
    assertThat(user.dob().date()).isEqualTo("1957-04-28T23:41:09.707Z");
  }

  @Test
  void differentSeedsAndPagesGiveDifferentUsers() {
    List<String> seedA = uuids(users("seed=a&results=20"));
    List<String> seedB = uuids(users("seed=b&results=20"));
    List<String> pageTwo = uuids(users("seed=a&results=20&page=2"));

    assertThat(seedA).doesNotContainAnyElementsOf(seedB).doesNotContainAnyElementsOf(pageTwo);
    assertThat(seedA).doesNotHaveDuplicates();
  }

  @Test
  void aUserIsTheSameWhateverTheNumberOfResultsAsked() {
    assertThat(users("seed=p&page=2&results=40").subList(0, 10))
        .isEqualTo(users("seed=p&page=2&results=10"));
  }

  @Test
  void natsAreSpreadOverTheGivenNationalitiesOnly() {
    Map<String, Long> byNat =
        users("seed=n&results=600&nat=de,fr,gb").stream()
            .collect(Collectors.groupingBy(RandomUser::nat, Collectors.counting()));

    assertThat(byNat.keySet()).containsExactlyInAnyOrder("DE", "FR", "GB");
    assertThat(byNat.values()).allSatisfy(count -> assertThat(count).isBetween(150L, 250L));
  }

  @Test
  void loginUuidsAreVersionFourUuids() {
    for (RandomUser user : users("seed=u&results=200")) {
      UUID uuid = UUID.fromString(user.login().uuid());
      assertThat(uuid.toString()).isEqualTo(user.login().uuid());
      assertThat(uuid.version()).isEqualTo(4);
      assertThat(uuid.variant()).isEqualTo(2);
    }
  }

  @Test
  void datesHaveMillisecondsAndAgesCountToTodayOnTheClock() {
    LocalDate today = LocalDate.ofInstant(RandomUserHttp.FIXED_CLOCK.instant(), ZoneOffset.UTC);
    for (RandomUser user : users("seed=d&results=200")) {
      assertThat(user.dob().date()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
      assertThat(user.registered().date())
          .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
      LocalDate born = LocalDate.ofInstant(Instant.parse(user.dob().date()), ZoneOffset.UTC);
      assertThat(user.dob().age()).isEqualTo(Period.between(born, today).getYears());
    }
  }

  @Test
  void genderDecidesTitleAndPortraitAndCanBeForcedWithoutASeed() {
    for (RandomUser user : users("results=100&gender=female&nat=us,gb")) {
      assertThat(user.gender()).isEqualTo("female");
      assertThat(user.name().title()).isIn("Ms", "Mrs", "Miss");
      assertThat(user.picture().large()).startsWith("https://randomuser.me/api/portraits/women/");
    }
  }

  @Test
  void emailsAreFirstDotLastAtExampleDotComWithNonLatinNamesRomanized() {
    for (RandomUser user : users("seed=e&results=200&nat=ua,ir")) {
      assertThat(user.email()).matches("[a-z-]+\\.[a-z-]+@example\\.com");
    }
    RandomUser german = users("seed=e&nat=de").get(0);
    assertThat(german.email())
        .startsWith(german.name().first().toLowerCase(java.util.Locale.ROOT).replace(" ", ""));
  }

  private static List<String> uuids(List<RandomUser> users) {
    return users.stream().map(u -> u.login().uuid()).toList();
  }
}
