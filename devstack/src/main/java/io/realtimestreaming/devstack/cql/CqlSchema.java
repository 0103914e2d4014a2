package io.realtimestreaming.devstack.cql;

import com.datastax.oss.driver.api.core.CqlSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Applies cassandra/schema.cql statement by statement (the driver runs one at a time). Every
 * statement there is IF NOT EXISTS, so applying it again changes nothing.
 */
public final class CqlSchema {

  private CqlSchema() {}

  /**
   * @param replication a CQL replication map to use instead of the file's, or blank to keep it
   */
  public static void apply(CqlSession session, Path schemaFile, String replication)
      throws IOException {
    for (String statement : statements(Files.readString(schemaFile), replication)) {
      session.execute(statement);
    }
  }

  static List<String> statements(String cql, String replication) {
    String withoutComments = cql.replaceAll("(?m)^\\s*--.*$", "");
    String text =
        replication == null || replication.isBlank()
            ? withoutComments
            : withoutComments.replaceAll(
                "replication\\s*=\\s*\\{[^}]*}", "replication = " + replication);
    return Arrays.stream(text.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
