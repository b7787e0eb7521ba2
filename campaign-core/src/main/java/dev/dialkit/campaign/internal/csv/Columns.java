package dev.dialkit.campaign.internal.csv;

import dev.dialkit.campaign.CsvImportOptions.Field;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which column holds what, from the header: the index of each field's column (-1 if absent) and the
 * variable columns with their keys.
 *
 * @param header the header as read
 * @param fields each mapped field's column index
 * @param variableColumns the columns read as agent variables
 * @param variableKeys their keys, in the same order
 */
record Columns(
    List<String> header, Map<Field, Integer> fields, int[] variableColumns, String[] variableKeys) {
  Columns {
    header = List.copyOf(header);
    fields = new EnumMap<>(fields);
  }

  /** The column index of {@code field}, or -1. */
  int index(Field field) {
    return fields.getOrDefault(field, -1);
  }

  /** The header of column {@code index}, for messages, or {@code ""}. */
  String name(int index) {
    return index >= 0 && index < header.size() ? header.get(index) : "";
  }

  /** The header of the column of {@code field}, or {@code ""}. */
  String name(Field field) {
    return name(index(field));
  }

  /** The header of the column read into variable {@code key}, or {@code ""}. */
  String variableColumn(String key) {
    for (int i = 0; i < variableKeys.length; i++) {
      if (variableKeys[i].equals(key)) {
        return name(variableColumns[i]);
      }
    }
    return "";
  }
}
