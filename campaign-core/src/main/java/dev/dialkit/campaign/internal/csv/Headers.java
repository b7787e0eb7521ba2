package dev.dialkit.campaign.internal.csv;

import dev.dialkit.campaign.CsvImportException.Problem;
import dev.dialkit.campaign.CsvImportOptions;
import dev.dialkit.campaign.CsvImportOptions.Field;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.spi.Untrusted;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps a header to {@link Columns}: explicit mappings first, then aliases (case, spaces and dashes
 * ignored), then, for lead imports, every other named column becomes an agent variable whose key is
 * the header made into a valid key ({@code "Renewal Date"} becomes {@code renewal_date}). Columns
 * with an empty header are ignored. A header that cannot be mapped is a {@link Problem#BAD_HEADER}
 * on line 1, before any row is read.
 */
final class Headers {
  static final Map<String, Field> LEAD_ALIASES =
      Map.ofEntries(
          Map.entry("phone", Field.PHONE),
          Map.entry("phone_number", Field.PHONE),
          Map.entry("phonenumber", Field.PHONE),
          Map.entry("mobile", Field.PHONE),
          Map.entry("mobile_number", Field.PHONE),
          Map.entry("number", Field.PHONE),
          Map.entry("name", Field.NAME),
          Map.entry("full_name", Field.NAME),
          Map.entry("email", Field.EMAIL),
          Map.entry("e_mail", Field.EMAIL),
          Map.entry("company", Field.COMPANY),
          Map.entry("timezone", Field.TIME_ZONE),
          Map.entry("time_zone", Field.TIME_ZONE),
          Map.entry("priority", Field.PRIORITY));

  static final Map<String, Field> SUPPRESSION_ALIASES =
      Map.of(
          "phone", Field.PHONE,
          "phone_number", Field.PHONE,
          "phonenumber", Field.PHONE,
          "mobile", Field.PHONE,
          "number", Field.PHONE,
          "reason", Field.REASON,
          "source", Field.SOURCE);

  private static final Pattern NOT_KEY = Pattern.compile("[^a-z0-9_.\\-]+");

  private Headers() {}

  /** The columns of a lead import: unknown named columns become variables. */
  static Columns forLeads(Row header, CsvImportOptions options) {
    return map(header, options, LEAD_ALIASES, true);
  }

  /** The columns of a do-not-call import: unknown columns are ignored. */
  static Columns forSuppressions(Row header, CsvImportOptions options) {
    return map(header, options, SUPPRESSION_ALIASES, false);
  }

  private static Columns map(
      Row row, CsvImportOptions options, Map<String, Field> aliases, boolean variables) {
    List<String> header = row.asList();
    Map<String, Field> explicit = lowerKeys(options.columns());
    Map<String, String> explicitVars = lowerKeys(options.variables());
    Map<Field, Integer> fields = new EnumMap<>(Field.class);
    List<Integer> varColumns = new ArrayList<>();
    List<String> varKeys = new ArrayList<>();
    Set<String> keysSeen = new HashSet<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip();
      if (name.isEmpty()) {
        continue;
      }
      String lower = name.toLowerCase(Locale.ROOT);
      Field field = explicit.getOrDefault(lower, aliases.get(normalize(name)));
      String key = explicitVars.get(lower);
      if (key == null && field == null && variables) {
        key = variableKey(name, row.line());
      }
      if (key != null && field == null) {
        if (!keysSeen.add(key)) {
          throw bad(row.line(), name, "two columns make the variable " + Untrusted.quote(key));
        }
        varColumns.add(i);
        varKeys.add(key);
      } else if (field != null && field != Field.IGNORE && fields.put(field, i) != null) {
        throw bad(row.line(), name, "a second column for " + field);
      }
    }
    if (!fields.containsKey(Field.PHONE)) {
      throw bad(row.line(), "", "no phone column (phone, phone_number, mobile or number)");
    }
    if (varKeys.size() > NewLead.MAX_VARIABLES) {
      throw bad(
          row.line(), "", varKeys.size() + " variable columns, at most " + NewLead.MAX_VARIABLES);
    }
    return new Columns(
        header,
        fields,
        varColumns.stream().mapToInt(Integer::intValue).toArray(),
        varKeys.toArray(String[]::new));
  }

  /** Lower case, spaces and dashes as {@code _}: how aliases are matched. */
  static String normalize(String header) {
    return header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\-]+", "_");
  }

  /** The header as a variable key, or a BAD_HEADER if it cannot be one. */
  private static String variableKey(String name, long line) {
    String key = NOT_KEY.matcher(normalize(name)).replaceAll("_");
    if (!Character.isLetter(key.charAt(0)) && key.charAt(0) != '_') {
      key = "_" + key;
    }
    if (key.startsWith("dialkit_")) {
      throw bad(line, name, "variables starting with dialkit_ are reserved: rename the column");
    }
    if (key.length() > NewLead.MAX_VARIABLE_KEY_LENGTH) {
      throw bad(
          line,
          name,
          "longer than " + NewLead.MAX_VARIABLE_KEY_LENGTH + " characters as a variable");
    }
    return key;
  }

  private static <V> Map<String, V> lowerKeys(Map<String, V> map) {
    Map<String, V> lower = new HashMap<>();
    map.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    return lower;
  }

  private static CsvFailure bad(long line, String column, String detail) {
    return new CsvFailure(Problem.BAD_HEADER, line, column, detail);
  }
}
