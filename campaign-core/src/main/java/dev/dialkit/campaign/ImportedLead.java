package dev.dialkit.campaign;

/**
 * A lead an import added.
 *
 * @param line the CSV line its row started on (for {@link Leads#add}: its 1-based position)
 * @param lead its id
 */
public record ImportedLead(long line, LeadId lead) {
  public ImportedLead {
    if (line < 1 || lead == null) {
      throw new IllegalArgumentException("imported lead needs a line >= 1 and an id");
    }
  }
}
