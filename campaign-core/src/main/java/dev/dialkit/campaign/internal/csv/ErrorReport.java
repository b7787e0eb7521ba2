package dev.dialkit.campaign.internal.csv;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import dev.dialkit.campaign.RejectedRow;
import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes rejected rows as a CSV a person opens in a spreadsheet: the reason columns, then the row
 * as it was read, each cell defused against formula injection.
 */
final class ErrorReport {
  static final List<String> COLUMNS = List.of("line", "reason", "column", "message", "first_line");

  private ErrorReport() {}

  static void write(Report report, Writer out) throws IOException {
    CsvGenerator csv = RejectionSpool.CSV.createGenerator(out);
    csv.writeStartArray();
    for (String name : COLUMNS) {
      csv.writeString(name);
    }
    for (String name : report.header()) {
      csv.writeString(defuse(name));
    }
    csv.writeEndArray();
    try (Stream<RejectedRow> rows = report.rejected()) {
      Iterator<RejectedRow> it = rows.iterator();
      while (it.hasNext()) {
        RejectedRow row = it.next();
        csv.writeStartArray();
        csv.writeString(Long.toString(row.line()));
        csv.writeString(row.reason().name());
        csv.writeString(defuse(row.column()));
        csv.writeString(defuse(row.message()));
        csv.writeString(row.firstLine() == 0 ? "" : Long.toString(row.firstLine()));
        for (String field : row.fields()) {
          csv.writeString(defuse(field));
        }
        csv.writeEndArray();
      }
    }
    csv.flush(); // not close: the writer is the caller's
  }

  /**
   * The cell prefixed with {@code '} if a spreadsheet would read it as a formula: it starts with
   * {@code = + - @}, tab or CR (OWASP, CSV injection).
   */
  static String defuse(String cell) {
    if (cell.isEmpty()) {
      return cell;
    }
    return switch (cell.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
      default -> cell;
    };
  }
}
