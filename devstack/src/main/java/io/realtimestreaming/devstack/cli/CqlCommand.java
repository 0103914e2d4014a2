package io.realtimestreaming.devstack.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import io.realtimestreaming.devstack.cql.CqlSessions;
import io.realtimestreaming.devstack.cql.CqlTablePrinter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "cql",
    description =
        "Runs one CQL statement against the stack's Cassandra and prints the rows like cqlsh.")
final class CqlCommand implements Callable<Integer> {

  @Parameters(
      paramLabel = "STATEMENT",
      description = "e.g. \"SELECT id, first_name FROM spark_streams.created_users LIMIT 5\"")
  String statement;

  @Override
  public Integer call() {
    try (CqlSession session = CqlSessions.open(PipelineCommand.settings())) {
      CqlTablePrinter.print(session.execute(statement), System.out);
      return 0;
    } catch (com.datastax.oss.driver.api.core.AllNodesFailedException e) {
      System.err.println(
          "Cassandra does not answer: start it with ./pipeline up cassandra ("
              + e.getMessage()
              + ")");
      return 1;
    } catch (com.datastax.oss.driver.api.core.servererrors.QueryValidationException
        | com.datastax.oss.driver.api.core.servererrors.QueryExecutionException e) {
      System.err.println(e.getMessage());
      return 2;
    }
  }
}
