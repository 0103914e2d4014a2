package io.realtimestreaming.ingest.api;

import com.datastax.oss.driver.api.core.DriverException;
import io.realtimestreaming.ingest.run.RunCapacityExceededException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as {@code application/problem+json} (RFC 9457). Bad input names the field in
 * {@code detail} and lists each as {@code errors: [{field, message}]}.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  @ExceptionHandler
  ProblemDetail runNotFound(RunNotFoundException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }

  /** Tomcat could not parse the query string (a parameter without a name, bytes not UTF-8). */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> malformedQuery(InvalidParameterException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "the query string cannot be parsed: every parameter needs a name, and names and"
                + " values must be URL-encoded UTF-8");
    problem.setTitle("Invalid request");
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> capacityExceeded(RunCapacityExceededException e) {
    return unavailable(e.getMessage(), 30);
  }

  /** PostgreSQL cannot be reached (down, restarting, out of connections): try again soon. */
  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    CannotCreateTransactionException.class,
    TransientDataAccessException.class,
    RecoverableDataAccessException.class
  })
  ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
    log.warn("answering 503, the database is unavailable: {}", e.toString());
    return unavailable("the service's database (PostgreSQL) is unavailable; try again shortly", 5);
  }

  /**
   * Any other database failure: 503 when the connection itself failed (PostgreSQL restarting or
   * killed mid-request: SQLState class 08, or 57P shutdown and cancel), else 500.
   */
  @ExceptionHandler({DataAccessException.class, TransactionException.class})
  ResponseEntity<ProblemDetail> databaseFailure(Exception e) {
    if (connectionLost(e)) {
      return databaseUnavailable(e);
    }
    log.error("answering 500, the database failed: {}", e.toString(), e);
    return ResponseEntity.internalServerError()
        .body(
            ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "the service failed to answer; the failure is in its log"));
  }

  static boolean connectionLost(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }

  /** The landing ledger (Cassandra) cannot be read. */
  @ExceptionHandler(DriverException.class)
  ResponseEntity<ProblemDetail> ledgerUnavailable(DriverException e) {
    log.warn("answering 503, the landing ledger is unavailable: {}", e.toString());
    return unavailable("the landing ledger (Cassandra) is unavailable; try again shortly", 5);
  }

  private static ResponseEntity<ProblemDetail> unavailable(String detail, int retryAfterSeconds) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds))
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> new FieldProblem(f.getField(), message(f)))
            .toList();
    return badRequest(errors);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors =
        e.getParameterValidationResults().stream()
            .flatMap(
                r ->
                    r.getResolvableErrors().stream()
                        .map(
                            error ->
                                new FieldProblem(
                                    r.getMethodParameter().getParameterName(),
                                    error.getDefaultMessage())))
            .toList();
    return badRequest(errors);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String field =
        e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
    String type = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
    return badRequest(List.of(new FieldProblem(field, "'" + e.getValue() + "' is not a " + type)));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return UnreadableBody.of(e)
        .map(f -> badRequest(List.of(new FieldProblem(f.field(), f.message()))))
        .orElseGet(
            () ->
                ResponseEntity.badRequest()
                    .body(
                        ProblemDetail.forStatusAndDetail(
                            HttpStatus.BAD_REQUEST,
                            "the request body is not a JSON object of the expected shape")));
  }

  private static ResponseEntity<Object> badRequest(List<FieldProblem> errors) {
    String detail =
        errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid request");
    problem.setProperty(
        "errors",
        errors.stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
    return ResponseEntity.badRequest().body(problem);
  }

  private static String message(MessageSourceResolvable error) {
    if (error instanceof FieldError f && f.getRejectedValue() != null) {
      return f.getDefaultMessage() + " (was " + f.getRejectedValue() + ")";
    }
    return error.getDefaultMessage();
  }

  private record FieldProblem(String field, String message) {}
}
