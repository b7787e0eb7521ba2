package dev.dialkit.campaign.internal.csv;

import dev.dialkit.campaign.ImportedLead;
import dev.dialkit.campaign.LeadId;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import java.util.UUID;

/**
 * The ids and lines of the leads an import added, 20 bytes each: an id made by {@link #newId()} is
 * {@code ld-} and a UUID, kept as its two longs. Ids of another form (a host's own, through {@link
 * dev.dialkit.campaign.Leads#add}) cannot be packed and are kept as objects in a side array.
 */
final class LeadIdList {
  private static final String PREFIX = "ld-";

  private long[] high = new long[64];
  private long[] low = new long[64];
  private int[] lines = new int[64];
  private LeadId[] others; // null until an id is not ld-<uuid>
  private int size;

  /** A new lead id of the packable form. */
  static LeadId newId() {
    return LeadId.of(PREFIX + UUID.randomUUID());
  }

  synchronized void add(LeadId id, long line) {
    if (size == lines.length) {
      int capacity = size * 2;
      high = Arrays.copyOf(high, capacity);
      low = Arrays.copyOf(low, capacity);
      lines = Arrays.copyOf(lines, capacity);
      if (others != null) {
        others = Arrays.copyOf(others, capacity);
      }
    }
    UUID uuid = uuidOf(id.value());
    if (uuid != null) {
      high[size] = uuid.getMostSignificantBits();
      low[size] = uuid.getLeastSignificantBits();
    } else {
      if (others == null) {
        others = new LeadId[lines.length];
      }
      others[size] = id;
    }
    lines[size] = (int) Math.min(line, Integer.MAX_VALUE);
    size++;
  }

  /** The UUID of an {@code ld-<uuid>} id that prints back exactly, or null. */
  private static UUID uuidOf(String value) {
    if (value.length() != PREFIX.length() + 36 || !value.startsWith(PREFIX)) {
      return null;
    }
    try {
      UUID uuid = UUID.fromString(value.substring(PREFIX.length()));
      return uuid.toString().equals(value.substring(PREFIX.length())) ? uuid : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  synchronized int size() {
    return size;
  }

  private synchronized ImportedLead get(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    LeadId id =
        others != null && others[i] != null
            ? others[i]
            : LeadId.of(PREFIX + new UUID(high[i], low[i]));
    return new ImportedLead(lines[i], id);
  }

  /** A read-only view; elements are made as they are read. */
  List<ImportedLead> view() {
    return new View();
  }

  private final class View extends AbstractList<ImportedLead> implements RandomAccess {
    @Override
    public ImportedLead get(int index) {
      return LeadIdList.this.get(index);
    }

    @Override
    public int size() {
      return LeadIdList.this.size();
    }
  }
}
