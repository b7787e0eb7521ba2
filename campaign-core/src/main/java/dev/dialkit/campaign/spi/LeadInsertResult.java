package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.PhoneNumber;
import java.util.List;

/**
 * What an insert of leads did.
 *
 * @param inserted the leads stored, with their sequence, in input order
 * @param duplicates the numbers skipped because the campaign already had them or the input repeated
 *     them, in input order
 */
public record LeadInsertResult(List<Lead> inserted, List<PhoneNumber> duplicates) {
  public LeadInsertResult {
    inserted = List.copyOf(inserted);
    duplicates = List.copyOf(duplicates);
  }
}
