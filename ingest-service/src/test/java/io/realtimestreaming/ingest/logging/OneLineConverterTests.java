package io.realtimestreaming.ingest.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/**
 * Every log event is one line: control characters escaped, the exception inline, the length cut.
 */
@ExtendWith(OutputCaptureExtension.class)
class OneLineConverterTests {

  @Test
  void lineBreaksTabsAndOtherControlCharactersAreEscaped() {
    String forged = "seed a\r\n2026-01-01 INFO forged line\tx\u0000\u001b[31m\u007f\u0085\u2028end";

    assertThat(OneLineConverter.oneLine(forged, 1000))
        .isEqualTo(
            "seed a\\r\\n2026-01-01 INFO forged line\\tx\\u0000\\u001b[31m\\u007f\\u0085"
                + "\\u2028end");
  }

  @Test
  void plainTextAndNonAsciiLettersStayAsTheyAre() {
    assertThat(OneLineConverter.oneLine("Zoë Ærø 東京 \uD83D\uDE00 ok", 1000))
        .isEqualTo("Zoë Ærø 東京 \uD83D\uDE00 ok");
  }

  @Test
  void aLongMessageIsCutSayingHowMuchWent() {
    String cut = OneLineConverter.oneLine("x".repeat(250), 100);

    assertThat(cut).isEqualTo("x".repeat(100) + "... [150 more characters cut]");
  }

  @Test
  void aCutNeverSplitsASurrogatePair() {
    String cut = OneLineConverter.oneLine("x".repeat(99) + "\uD83D\uDE00yz", 100);

    assertThat(cut).isEqualTo("x".repeat(99) + "... [4 more characters cut]");
  }

  @Test
  void anExceptionAndItsCausesFollowTheMessageOnTheSameLine() {
    OneLineConverter converter = new OneLineConverter();
    converter.start();
    Exception failure =
        new IllegalStateException(
            "page 3 failed:\nline two", new UncheckedIOException(new ConnectException("refused")));

    String line = converter.convert(event("run failed: {}", failure, "x\ny"));

    assertThat(line)
        .doesNotContain("\n", "\r")
        .startsWith(
            "run failed: x\\ny | java.lang.IllegalStateException: page 3 failed:\\nline two at ")
        .contains(
            " | caused by java.io.UncheckedIOException: java.net.ConnectException: refused",
            " | caused by java.net.ConnectException: refused")
        .contains("OneLineConverterTests.anExceptionAndItsCausesFollowTheMessageOnTheSameLine");
  }

  @Test
  void aLongChainOfCausesKeepsItsStartAndItsRootCause() {
    OneLineConverter converter = new OneLineConverter();
    converter.start();
    Exception failure = new IllegalStateException("root: the registry answered 500");
    for (int level = 12; level >= 1; level--) {
      failure = new RuntimeException("level " + level, failure);
    }

    String line = converter.convert(event("start failed", failure));

    assertThat(line)
        .contains("RuntimeException: level 1 at", "level 2", "level 3", "(5 more causes)")
        .doesNotContain("level 4 ", "level 8 ")
        .contains("level 9", "level 12", "IllegalStateException: root: the registry answered 500");
  }

  @Test
  void theServicesLoggingConfigurationWritesEachEventOnOneLine(CapturedOutput output) {
    LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
    logging.beforeInitialize();
    logging.initialize(
        new LoggingInitializationContext(new MockEnvironment()),
        "classpath:logback-spring.xml",
        null);
    try {
      LoggerFactory.getLogger("one-line-test")
          .warn("rejected seed {}", "a\nFORGED", new IllegalArgumentException("bad\r\nvalue"));
    } finally {
      logging.cleanUp();
    }

    List<String> lines = output.getOut().lines().filter(l -> l.contains("one-line-test")).toList();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .contains("rejected seed a\\nFORGED | java.lang.IllegalArgumentException: bad\\r\\nvalue");
    assertThat(output.getOut()).doesNotContain("\nFORGED").doesNotContain("\tat ");
  }

  private static LoggingEvent event(String message, Throwable failure, Object... arguments) {
    Logger logger = new LoggerContext().getLogger("test");
    return new LoggingEvent(
        Logger.class.getName(), logger, Level.ERROR, message, failure, arguments);
  }
}
