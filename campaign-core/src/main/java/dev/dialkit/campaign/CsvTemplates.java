package dev.dialkit.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Example CSV files for {@link Leads#importCsv}, to offer as downloads: a header and two rows each.
 * Both import as they are.
 *
 * <ul>
 *   <li>{@link #basic()}: {@code name,phone,email,company,notes} ({@code notes} becomes an agent
 *       variable);
 *   <li>{@link #advanced()}: the basic columns plus {@code timezone} (IANA id), {@code priority}
 *       (integer, higher first) and custom columns ({@code plan}, {@code renewal_date}) that become
 *       agent variables.
 * </ul>
 */
public final class CsvTemplates {
  private CsvTemplates() {}

  /** The basic template, UTF-8 text. */
  public static String basic() {
    return read("leads-basic.csv");
  }

  /** The advanced template, UTF-8 text. */
  public static String advanced() {
    return read("leads-advanced.csv");
  }

  private static String read(String name) {
    try (InputStream in = CsvTemplates.class.getResourceAsStream("templates/" + name)) {
      if (in == null) {
        throw new IllegalStateException("template " + name + " missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
