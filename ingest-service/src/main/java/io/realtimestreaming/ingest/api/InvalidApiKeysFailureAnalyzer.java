package io.realtimestreaming.ingest.api;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link InvalidApiKeysException}, wherever it stopped the start, into Spring Boot's
 * "APPLICATION FAILED TO START" report rather than a stack trace (META-INF/spring.factories).
 */
class InvalidApiKeysFailureAnalyzer extends AbstractFailureAnalyzer<InvalidApiKeysException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidApiKeysException cause) {
    return new FailureAnalysis(cause.problem(), cause.action(), cause);
  }
}
