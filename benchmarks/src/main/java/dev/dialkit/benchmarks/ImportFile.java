package dev.dialkit.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A generated lead file with the mix real uploads have, the same for a given size and seed: the
 * basic columns plus two custom ones (filled on 20 % of the rows, which become agent variables), US
 * numbers written three ways (E.164 with spaces, {@code (212) 200-0001}, ten bare digits), 2 %
 * invalid numbers and 1 % repeats of a number a few hundred rows earlier.
 */
final class ImportFile {
  static final String HEADER = "name,phone,email,company,notes,plan,renewal_month";
  private static final String[] AREA_CODES = {
    "212", "213", "305", "312", "404", "415", "503", "512", "602", "617", "646", "702", "713",
    "718", "801", "808", "857", "917", "929", "972"
  };
  private static final String[] INVALID = {"12345", "not a number", "+1 212 20", "555-CALL-NOW"};

  private ImportFile() {}

  /** Writes {@code rows} rows (plus the header) to {@code file}, unless it already holds them. */
  static Path generate(Path file, int rows, long seed) throws IOException {
    Path marker = file.resolveSibling(file.getFileName() + "." + rows + "." + seed + ".done");
    if (Files.exists(file) && Files.exists(marker)) {
      return file;
    }
    SplittableRandom random = new SplittableRandom(seed);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(HEADER);
      out.write('\n');
      for (int i = 0; i < rows; i++) {
        double roll = random.nextDouble();
        String phone;
        if (roll < 0.02) {
          phone = INVALID[random.nextInt(INVALID.length)];
        } else if (roll < 0.03 && i > 1000) {
          phone = number(i - 1 - random.nextInt(500), random.nextInt(3));
        } else {
          phone = number(i, random.nextInt(3));
        }
        boolean extra = random.nextInt(5) == 0;
        out.write("Lead ");
        out.write(Integer.toString(i));
        out.write(',');
        out.write(phone);
        out.write(",lead");
        out.write(Integer.toString(i));
        out.write("@example.com,Company ");
        out.write(Integer.toString(i % 9973));
        out.write(",imported from the spring fair,");
        out.write(extra ? (random.nextBoolean() ? "gold" : "silver") : "");
        out.write(',');
        out.write(extra ? Integer.toString(1 + random.nextInt(12)) : "");
        out.write('\n');
      }
    }
    Files.writeString(marker, "");
    return file;
  }

  /** Row {@code i}'s number, unique per {@code i}, written in one of three forms. */
  static String number(int i, int form) {
    String area = AREA_CODES[i % AREA_CODES.length];
    String rest = String.format("%07d", 2_000_000 + (i / AREA_CODES.length) * 3);
    String exchange = rest.substring(0, 3);
    String line = rest.substring(3);
    return switch (form) {
      case 0 -> "+1 " + area + " " + exchange + " " + line;
      case 1 -> "\"(" + area + ") " + exchange + "-" + line + "\"";
      default -> area + exchange + line;
    };
  }
}
