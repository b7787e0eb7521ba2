package dev.dialkit.campaign;

import java.util.List;

/**
 * What an import did.
 *
 * @param inserted leads added
 * @param duplicates numbers not added because the campaign already had them (or the input repeated
 *     them), in input order
 */
public record ImportReport(int inserted, List<PhoneNumber> duplicates) {
  public ImportReport {
    duplicates = List.copyOf(duplicates);
  }
}
