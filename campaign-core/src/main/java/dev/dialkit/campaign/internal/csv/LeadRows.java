package dev.dialkit.campaign.internal.csv;

import dev.dialkit.campaign.CsvImportOptions;
import dev.dialkit.campaign.CsvImportOptions.Field;
import dev.dialkit.campaign.InvalidLeadException;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.RejectedRow;
import dev.dialkit.campaign.spi.Untrusted;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns a data row into a {@link NewLead}, or into the {@link RejectedRow} that says why not: the
 * field count, then each column in turn; the first problem is the one reported.
 */
final class LeadRows {
  private static final Set<String> ZONE_IDS = ZoneId.getAvailableZoneIds();

  /** A row that made a lead. */
  record Candidate(long line, NewLead lead, long key, String[] fields) {}

  private final Columns columns;
  private final Numbers numbers;

  LeadRows(Columns columns, CsvImportOptions options) {
    this.columns = columns;
    this.numbers = new Numbers(options.defaultRegion(), options.numberTypes());
  }

  String phoneColumn() {
    return columns.name(Field.PHONE);
  }

  /** The lead of {@code row}, or the rejection ({@link Candidate} or {@link RejectedRow}). */
  Object read(Row row) {
    RejectedRow shape = shape(row, columns);
    if (shape != null) {
      return shape;
    }
    PhoneNumber phone;
    try {
      phone = numbers.parse(row.field(columns.index(Field.PHONE)));
    } catch (IllegalArgumentException e) {
      return invalid(row, columns.name(Field.PHONE), e.getMessage());
    }
    try {
      Map<String, String> variables = new HashMap<>();
      for (int i = 0; i < columns.variableColumns().length; i++) {
        String value = row.field(columns.variableColumns()[i]).strip();
        if (!value.isEmpty()) {
          variables.put(columns.variableKeys()[i], value);
        }
      }
      ZoneId zone = zone(row);
      int priority = priority(row);
      NewLead lead =
          new NewLead(
              phone,
              cell(row, Field.NAME),
              cell(row, Field.EMAIL),
              cell(row, Field.COMPANY),
              variables,
              zone,
              priority);
      return new Candidate(row.line(), lead, Numbers.key(phone), row.fields());
    } catch (InvalidLeadException e) {
      return invalid(row, column(e.field()), e.reason());
    } catch (Rejected e) {
      return invalid(row, columns.name(e.field), e.getMessage());
    }
  }

  /** BLANK or MALFORMED if the row is either, else null. */
  static RejectedRow shape(Row row, Columns columns) {
    if (row.blank()) {
      return new RejectedRow(
          row.line(), RejectedRow.Reason.BLANK, "", "blank row", 0, row.asList());
    }
    int width = columns.header().size();
    if (row.count() != width) {
      return new RejectedRow(
          row.line(),
          RejectedRow.Reason.MALFORMED,
          "",
          row.count() + " fields, the header has " + width,
          0,
          row.asList());
    }
    return null;
  }

  static RejectedRow invalid(Row row, String column, String message) {
    return new RejectedRow(
        row.line(), RejectedRow.Reason.INVALID, column, message, 0, row.asList());
  }

  private String cell(Row row, Field field) {
    int index = columns.index(field);
    return index < 0 ? null : row.field(index);
  }

  private ZoneId zone(Row row) {
    String text = cell(row, Field.TIME_ZONE);
    if (text == null || text.isBlank()) {
      return null;
    }
    String id = text.strip();
    if (!ZONE_IDS.contains(id)) { // region ids only: an offset such as +05:30 has no DST rules
      throw new Rejected(
          Field.TIME_ZONE, "must be an IANA time zone id, was " + Untrusted.quote(id));
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new Rejected(
          Field.TIME_ZONE, "must be an IANA time zone id, was " + Untrusted.quote(id));
    }
  }

  private int priority(Row row) {
    String text = cell(row, Field.PRIORITY);
    if (text == null || text.isBlank()) {
      return 0;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new Rejected(Field.PRIORITY, "must be an integer, was " + Untrusted.quote(text));
    }
  }

  /** The column of a field {@link NewLead} names ({@code name}, {@code variables.plan}). */
  private String column(String field) {
    return switch (field) {
      case "phone" -> columns.name(Field.PHONE);
      case "name" -> columns.name(Field.NAME);
      case "email" -> columns.name(Field.EMAIL);
      case "company" -> columns.name(Field.COMPANY);
      case "timeZone" -> columns.name(Field.TIME_ZONE);
      case "priority" -> columns.name(Field.PRIORITY);
      default ->
          field.startsWith("variables.")
              ? columns.variableColumn(field.substring("variables.".length()))
              : "";
    };
  }

  /** A cell this class refuses itself, before {@link NewLead} sees it. */
  private static final class Rejected extends RuntimeException {
    final Field field;

    Rejected(Field field, String message) {
      super(message, null, false, false);
      this.field = field;
    }
  }
}
