package dev.dialkit.campaign.internal.csv;

import dev.dialkit.campaign.CsvImportOptions;
import java.io.InputStream;
import java.io.Reader;

/** Where an import reads from: bytes decoded with the options' charset, or the host's text. */
@FunctionalInterface
public interface CsvInputSource {
  CsvInput open(CsvImportOptions options);

  static CsvInputSource of(InputStream in) {
    return options -> CsvInput.of(in, options);
  }

  static CsvInputSource of(Reader in) {
    return options -> CsvInput.of(in, options);
  }
}
