package dev.dialkit.benchmarks;

import dev.dialkit.campaign.PhoneNumber;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * One parameter as the store bound it: the setter it called and its arguments, replayed as they
 * were on the EXPLAIN of the same statement, so the parameter keeps the type the store gave it.
 */
record QueryPlansBinding(Method setter, Object[] args) {
  private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

  QueryPlansBinding {
    if (setter == null || args == null || args.length < 2) {
      throw new IllegalArgumentException("a binding needs a setter, an index and a value");
    }
  }

  void bind(PreparedStatement statement) throws SQLException {
    try {
      setter.invoke(statement, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof SQLException s) {
        throw s;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The value for a report: a phone number masked, a string quoted, null for setNull. */
  String shown() {
    if (setter.getName().equals("setNull")) {
      return "NULL";
    }
    Object value = args[1];
    if (value instanceof String s) {
      return E164.matcher(s).matches() ? PhoneNumber.of(s).masked() : "'" + s + "'";
    }
    return String.valueOf(value);
  }
}
