package dev.dialkit.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * db-scheduler's one table, created by hand: its jar ships no DDL (the library's schemas live in
 * its source tree as test resources), so these are the columns and indexes its documented schema
 * for PostgreSQL and MariaDB declares, written here; H2 gets the PostgreSQL types it also knows.
 */
final class DbSchedulerTable {
  static final String NAME = "tp_scheduled_tasks";

  private DbSchedulerTable() {}

  static void create(DataSource ds, BenchDatabase.Kind kind) throws SQLException {
    boolean maria = kind == BenchDatabase.Kind.MARIADB;
    String text =
        switch (kind) {
          case POSTGRESQL -> "TEXT";
          case MARIADB -> "VARCHAR(100)";
          case H2 -> "VARCHAR(1000)"; // H2's TEXT is a CLOB, which a key may not hold
        };
    String time = maria ? "TIMESTAMP(6)" : "TIMESTAMP WITH TIME ZONE";
    String data = maria ? "BLOB" : (kind == BenchDatabase.Kind.H2 ? "BLOB" : "BYTEA");
    // MariaDB gives a TIMESTAMP column a default of now and NOT NULL unless told otherwise
    String nullable = maria ? " NULL" : "";
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + NAME);
      s.execute(
          "CREATE TABLE "
              + NAME
              + " (task_name "
              + text
              + " NOT NULL, task_instance "
              + text
              + " NOT NULL, task_data "
              + data
              + ", execution_time "
              + time
              + " NOT NULL, picked BOOLEAN NOT NULL, picked_by "
              + text
              + ", last_success "
              + time
              + nullable
              + ", last_failure "
              + time
              + nullable
              + ", consecutive_failures INT, last_heartbeat "
              + time
              + nullable
              + ", version BIGINT NOT NULL, priority SMALLINT,"
              + " PRIMARY KEY (task_name, task_instance))");
      s.execute("CREATE INDEX " + NAME + "_execution_time ON " + NAME + " (execution_time)");
      s.execute("CREATE INDEX " + NAME + "_last_heartbeat ON " + NAME + " (last_heartbeat)");
      s.execute(
          "CREATE INDEX "
              + NAME
              + "_priority_execution_time ON "
              + NAME
              + " (priority DESC, execution_time ASC)");
    }
  }
}
