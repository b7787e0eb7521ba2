package dev.dialkit.store.jdbc.internal;

/** The store's table names, each the prefix followed by a fixed name. */
public final class Tables {
  public final String prefix;
  public final String campaigns;
  public final String leads;
  public final String calls;
  public final String dedupe;
  public final String slots;
  public final String slotCounters;
  public final String callLog;
  public final String instances;
  public final String suppressions;
  public final String counterShards;
  public final String schemaVersion;
  public final String callOutcomes;

  public Tables(String prefix) {
    if (prefix == null || !prefix.matches("[A-Za-z_][A-Za-z0-9_]{0,29}")) {
      throw new IllegalArgumentException(
          "tablePrefix must be 1 to 30 letters, digits or _, not starting with a digit, was '"
              + prefix
              + "'");
    }
    this.prefix = prefix;
    campaigns = prefix + "campaigns";
    leads = prefix + "leads";
    calls = prefix + "calls";
    dedupe = prefix + "call_dedupe";
    slots = prefix + "slots";
    slotCounters = prefix + "slot_counters";
    callLog = prefix + "call_log";
    instances = prefix + "instances";
    suppressions = prefix + "suppressions";
    counterShards = prefix + "counter_shards";
    schemaVersion = prefix + "schema_version";
    callOutcomes = prefix + "call_outcomes";
  }

  /** Every table holding data (not the schema version), children first. */
  public String[] dataTables() {
    return new String[] {
      callOutcomes,
      callLog,
      dedupe,
      slots,
      calls,
      leads,
      instances,
      campaigns,
      slotCounters,
      suppressions,
      counterShards
    };
  }
}
