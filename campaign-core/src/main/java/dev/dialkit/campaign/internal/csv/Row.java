package dev.dialkit.campaign.internal.csv;

import java.util.Arrays;
import java.util.List;

/**
 * One CSV row as read.
 *
 * @param line the line it started on
 * @param fields its fields, at most {@link CsvInput#MAX_EXTRA_FIELDS} past the header's count
 * @param count how many fields it had, kept or not
 */
record Row(long line, String[] fields, int count) {
  String field(int index) {
    return index < fields.length ? fields[index] : "";
  }

  List<String> asList() {
    return Arrays.asList(fields);
  }

  boolean blank() {
    for (String field : fields) {
      if (!field.isBlank()) {
        return false;
      }
    }
    return true;
  }
}
