package dev.dialkit.campaign.internal.csv;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.dialkit.campaign.ImportReport;
import dev.dialkit.campaign.RejectedRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The rejected rows of an import: the first {@link ImportReport#MAX_REJECTED_IN_MEMORY} in memory,
 * the rest appended to a temporary CSV file, so that a file of a million bad rows costs disk, not
 * heap. Not thread-safe: {@link Report} guards it.
 */
final class RejectionSpool {
  static final CsvFactory CSV = new CsvFactory();

  private final List<RejectedRow> memory = new ArrayList<>();
  private final SpoolFile file;
  private CsvGenerator out;
  private long spooled;
  private boolean closed;

  RejectionSpool(SpoolFile file) {
    this.file = file;
  }

  void add(RejectedRow row) {
    if (memory.size() < ImportReport.MAX_REJECTED_IN_MEMORY) {
      memory.add(row);
      return;
    }
    try {
      if (out == null) {
        out = CSV.createGenerator(Files.newBufferedWriter(file.create(), StandardCharsets.UTF_8));
      }
      out.writeStartArray();
      out.writeString(Long.toString(row.line()));
      out.writeString(row.reason().name());
      out.writeString(row.column());
      out.writeString(row.message());
      out.writeString(Long.toString(row.firstLine()));
      for (String field : row.fields()) {
        out.writeString(field);
      }
      out.writeEndArray();
      spooled++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot spool rejected rows to a temporary file", e);
    }
  }

  /** Rows in memory, then the spooled ones read back lazily. */
  Stream<RejectedRow> stream() {
    if (spooled == 0) {
      return List.copyOf(memory).stream();
    }
    if (closed) {
      throw new IllegalStateException("the report is closed: its spooled rows are deleted");
    }
    try {
      out.flush();
      CsvParser in =
          (CsvParser)
              CSV.createParser(Files.newBufferedReader(file.path(), StandardCharsets.UTF_8));
      Stream<RejectedRow> rest =
          StreamSupport.stream(new Rows(in), false)
              .onClose(
                  () -> {
                    try {
                      in.close();
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  });
      return Stream.concat(List.copyOf(memory).stream(), rest);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the spooled rejected rows", e);
    }
  }

  void close() {
    closed = true;
    try {
      if (out != null) {
        out.close();
      }
    } catch (IOException e) {
      // the file is deleted next: nothing of it is needed
    }
    file.delete();
  }

  /** Reads the spool file back, one rejected row per CSV row. */
  private static final class Rows extends Spliterators.AbstractSpliterator<RejectedRow> {
    private final CsvParser in;

    Rows(CsvParser in) {
      super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
      this.in = in;
    }

    @Override
    public boolean tryAdvance(Consumer<? super RejectedRow> action) {
      try {
        if (in.nextToken() != JsonToken.START_ARRAY) {
          return false;
        }
        List<String> cells = new ArrayList<>();
        while (in.nextToken() == JsonToken.VALUE_STRING) {
          cells.add(in.getText());
        }
        action.accept(
            new RejectedRow(
                Long.parseLong(cells.get(0)),
                RejectedRow.Reason.valueOf(cells.get(1)),
                cells.get(2),
                cells.get(3),
                Long.parseLong(cells.get(4)),
                cells.subList(5, cells.size())));
        return true;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the spooled rejected rows", e);
      }
    }
  }
}
