package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.CounterDelta;
import dev.dialkit.campaign.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The counter shards of campaigns ({@code counter_shards}, schema version 5): what a call's
 * transitions add to the campaign's counters goes to one of {@value #SHARDS} rows of the campaign,
 * picked by the call id, so that webhooks of different calls rarely wait for each other and never
 * for a claim or a lead insert (which move the counters in the campaign row, whose lock they hold
 * anyway). A campaign's counter is its row's value plus the sum of its shards.
 */
public final class CounterShards {
  /** Shards per campaign: enough that 8 to 16 concurrent webhooks of one campaign rarely meet. */
  static final int SHARDS = 16;

  private final Tables t;

  public CounterShards(Tables tables) {
    this.t = tables;
  }

  /** Creates the campaign's shards, all counters 0; with the campaign's insert. */
  public void create(Connection c, CampaignId campaign) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO " + t.counterShards + " (campaign_id, shard) VALUES (?, ?)")) {
      for (int shard = 0; shard < SHARDS; shard++) {
        s.setString(1, campaign.value());
        s.setInt(2, shard);
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** The shard a call's transitions write. */
  static int shardOf(CallId call) {
    return Math.floorMod(call.value().hashCode(), SHARDS);
  }

  /** Adds {@code delta} to the call's shard of the campaign: one statement. */
  public void add(Connection c, CampaignId campaign, CallId call, CounterDelta delta)
      throws SQLException {
    if (delta.isEmpty()) {
      return;
    }
    List<Long> amounts = new ArrayList<>();
    String sets = assignments(delta, amounts);
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE "
                + t.counterShards
                + " SET "
                + sets
                + " WHERE campaign_id = ? AND shard = ?")) {
      int i = 1;
      for (long amount : amounts) {
        s.setLong(i++, amount);
      }
      s.setString(i++, campaign.value());
      s.setInt(i, shardOf(call));
      if (s.executeUpdate() != 1) {
        // every campaign has its shards from its creation (or from the version 5 migration)
        throw new StoreException(
            "counter shard " + shardOf(call) + " of campaign " + campaign + " is missing", false);
      }
    }
  }

  /** {@code col = col + ?, ...} for each counter of {@code delta}; appends the amounts. */
  static String assignments(CounterDelta delta, List<Long> amounts) {
    StringBuilder sql = new StringBuilder();
    for (Map.Entry<Counter, Long> e : delta.amounts().entrySet()) {
      String col = CampaignRows.column(e.getKey());
      sql.append(sql.length() == 0 ? "" : ", ")
          .append(col)
          .append(" = ")
          .append(col)
          .append(" + ?");
      amounts.add(e.getValue());
    }
    return sql.toString();
  }
}
