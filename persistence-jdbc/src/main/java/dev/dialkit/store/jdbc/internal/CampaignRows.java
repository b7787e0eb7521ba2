package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignCounters;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSchedule;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.CounterDelta;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Campaigns: rows, counters as columns, the status compare-and-set and completion. Leases live in
 * the same row but in {@link LeaseRows}.
 */
public final class CampaignRows {
  private static final String COUNTERS =
      Arrays.stream(Counter.values()).map(CampaignRows::column).collect(Collectors.joining(", "));

  private final Tables t;
  private final CounterShards shards;

  public CampaignRows(Tables tables) {
    this.t = tables;
    this.shards = new CounterShards(tables);
  }

  /**
   * Campaign rows matching {@code where} (on alias {@code c}) and, in the same statement (so one
   * snapshot: a claim and a transition that committed meanwhile are both seen or both not), the
   * shard rows of the campaigns matching {@code shardWhere} (on {@code campaign_id}); {@link #list}
   * adds each campaign's shards to its row. Plain rows rather than a grouped join, which H2
   * re-plans at every prepare at a cost that showed in the fault simulator.
   */
  private String select(String where, String shardWhere) {
    String nulls = ", NULL".repeat(8);
    return "SELECT c.id, 0, c.tenant, c.spec, c.status, c.created_at, c.started_at, c.ended_at,"
        + " c.updated_at, c.created_seq, "
        + COUNTERS
        + " FROM "
        + t.campaigns
        + " c WHERE "
        + where
        + " UNION ALL SELECT campaign_id, 1"
        + nulls
        + ", "
        + COUNTERS
        + " FROM "
        + t.counterShards
        + " WHERE "
        + shardWhere;
  }

  static String column(Counter counter) {
    return counter.name().toLowerCase(Locale.ROOT);
  }

  public void create(Connection c, Campaign campaign) throws SQLException {
    create(c, campaign, List.of(Counter.values()));
    shards.create(c, campaign.id());
  }

  /**
   * Inserts {@code campaign} with only {@code counters} as columns: how tests write the rows of an
   * older schema, which lacks the counters added since (and the counter shards of version 5).
   */
  void create(Connection c, Campaign campaign, List<Counter> counters) throws SQLException {
    // the schedule columns came with LEADS_EXPIRED in version 6
    boolean schedule = counters.contains(Counter.LEADS_EXPIRED);
    StringBuilder sql =
        new StringBuilder("INSERT INTO ")
            .append(t.campaigns)
            .append(" (id, tenant, spec, status, created_at, started_at, ended_at, updated_at, ")
            .append(schedule ? "schedule_start, schedule_end, " : "")
            .append(counters.stream().map(CampaignRows::column).collect(Collectors.joining(", ")))
            .append(") VALUES (?, ?, ?, ?, ?, ?, ?, ?");
    sql.append(schedule ? ", ?, ?" : "").append(", ?".repeat(counters.size())).append(')');
    try (PreparedStatement s = c.prepareStatement(sql.toString())) {
      s.setString(1, campaign.id().value());
      s.setString(2, campaign.tenant().value());
      s.setString(3, Json.spec(campaign.spec()));
      s.setString(4, campaign.status().name());
      Columns.setInstant(s, 5, campaign.createdAt());
      Columns.setInstant(s, 6, campaign.startedAt());
      Columns.setInstant(s, 7, campaign.endedAt());
      Columns.setInstant(s, 8, campaign.updatedAt());
      int i = 9;
      if (schedule) {
        CampaignSchedule s2 = campaign.spec().schedule();
        Columns.setInstant(s, i++, s2 == null ? null : s2.start());
        Columns.setInstant(s, i++, s2 == null ? null : s2.end());
      }
      for (Counter counter : counters) {
        s.setLong(i++, campaign.counters().get(counter));
      }
      s.executeUpdate();
    } catch (SQLException e) {
      if (SqlErrors.isDuplicateKey(e)) {
        throw new StoreException("campaign " + campaign.id() + " already exists", false, e);
      }
      throw e;
    }
  }

  /**
   * The campaign with its counters; with {@code lock}, its row is locked until commit first (in a
   * statement of its own: a row lock does not combine with the UNION of the shard rows).
   */
  public Optional<Campaign> find(Connection c, TenantId tenant, CampaignId id, boolean lock)
      throws SQLException {
    if (lock) {
      lock(c, id);
    }
    try (PreparedStatement s =
        c.prepareStatement(select("c.id = ? AND c.tenant = ?", "campaign_id = ?"))) {
      s.setString(1, id.value());
      s.setString(2, tenant.value());
      s.setString(3, id.value());
      List<Campaign> found = list(s);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }
  }

  /** Locks the campaign's row until commit (nothing if there is none). */
  public void lock(Connection c, CampaignId id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT id FROM " + t.campaigns + " WHERE id = ? FOR UPDATE")) {
      s.setString(1, id.value());
      s.executeQuery().close();
    }
  }

  public List<Campaign> byTenant(Connection c, TenantId tenant) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            select(
                "c.tenant = ?",
                "campaign_id IN (SELECT id FROM " + t.campaigns + " WHERE tenant = ?)"))) {
      s.setString(1, tenant.value());
      s.setString(2, tenant.value());
      return list(s);
    }
  }

  public List<Campaign> byStatus(Connection c, Set<CampaignStatus> statuses) throws SQLException {
    if (statuses.isEmpty()) {
      return List.of();
    }
    String marks = statuses.stream().map(x -> "?").collect(Collectors.joining(", "));
    try (PreparedStatement s =
        c.prepareStatement(
            select(
                "c.status IN (" + marks + ")",
                "campaign_id IN (SELECT id FROM "
                    + t.campaigns
                    + " WHERE status IN ("
                    + marks
                    + "))"))) {
      int i = 1;
      for (int round = 0; round < 2; round++) {
        for (CampaignStatus status : statuses) {
          s.setString(i++, status.name());
        }
      }
      return list(s);
    }
  }

  public Optional<Campaign> transition(
      Connection c,
      TenantId tenant,
      CampaignId id,
      Set<CampaignStatus> expected,
      CampaignStatus next,
      Instant at)
      throws SQLException {
    Optional<Campaign> current = find(c, tenant, id, true);
    if (current.isEmpty() || !expected.contains(current.get().status())) {
      return Optional.empty();
    }
    Campaign moved = current.get().withStatus(next, at);
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE "
                + t.campaigns
                + " SET status = ?, started_at = ?, ended_at = ?, updated_at = ? WHERE id = ?")) {
      s.setString(1, next.name());
      Columns.setInstant(s, 2, moved.startedAt());
      Columns.setInstant(s, 3, moved.endedAt());
      Columns.setInstant(s, 4, moved.updatedAt());
      s.setString(5, id.value());
      s.executeUpdate();
    }
    return Optional.of(moved);
  }

  /**
   * Completes the campaign if it is done ({@link Campaign#isDone()}). A plain read decides first
   * (most calls find calls still in progress and take no lock); then the campaign row is locked,
   * which waits for a lead insert or a claim in progress, and the counters are read again in a
   * statement of their own, begun after the lock: the shards a transition changes can only lower
   * the leads in progress (and raise the queued ones with them), so a campaign read as done is
   * done. {@code COMPLETED} is final, so the end time is {@code at} and the start time stays, as
   * {@link Campaign#withStatus} stamps them.
   */
  public Optional<Campaign> completeIfDone(Connection c, TenantId tenant, CampaignId id, Instant at)
      throws SQLException {
    if (!completable(find(c, tenant, id, false))) {
      return Optional.empty();
    }
    Optional<Campaign> current = find(c, tenant, id, true);
    if (!completable(current)) {
      return Optional.empty();
    }
    Campaign done = current.get().withStatus(CampaignStatus.COMPLETED, at);
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE "
                + t.campaigns
                + " SET status = ?, ended_at = ?, updated_at = ? WHERE id = ?")) {
      s.setString(1, CampaignStatus.COMPLETED.name());
      Columns.setInstant(s, 2, done.endedAt());
      Columns.setInstant(s, 3, done.updatedAt());
      s.setString(4, id.value());
      s.executeUpdate();
    }
    return Optional.of(done);
  }

  /**
   * Writes {@code reopened}'s status ({@code RUNNING}) and times over its completed row; call it
   * with the campaign row locked.
   */
  public void reopen(Connection c, Campaign reopened) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE "
                + t.campaigns
                + " SET status = ?, ended_at = NULL, updated_at = ? WHERE id = ? AND status = ?")) {
      s.setString(1, reopened.status().name());
      Columns.setInstant(s, 2, reopened.updatedAt());
      s.setString(3, reopened.id().value());
      s.setString(4, CampaignStatus.COMPLETED.name());
      if (s.executeUpdate() != 1) {
        throw new IllegalStateException("campaign " + reopened.id() + " changed under its lock");
      }
    }
  }

  private static boolean completable(Optional<Campaign> campaign) {
    return campaign.isPresent() && campaign.get().isDone();
  }

  /** The sequence of the campaign's last lead; call it with the campaign row locked. */
  public long lastLeadSequence(Connection c, CampaignId id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT last_lead_seq FROM " + t.campaigns + " WHERE id = ?")) {
      s.setString(1, id.value());
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /**
   * Adds {@code delta} to the counters in the campaign row (the row is locked until commit): for
   * writers that hold that lock anyway. A call's transitions use {@link #addForCall} instead.
   */
  public void addCounters(Connection c, CampaignId id, CounterDelta delta) throws SQLException {
    if (delta.isEmpty()) {
      return;
    }
    List<Long> amounts = new ArrayList<>();
    String sets = CounterShards.assignments(delta, amounts);
    try (PreparedStatement s =
        c.prepareStatement("UPDATE " + t.campaigns + " SET " + sets + " WHERE id = ?")) {
      int i = 1;
      for (long amount : amounts) {
        s.setLong(i++, amount);
      }
      s.setString(i, id.value());
      s.executeUpdate();
    }
  }

  /** Adds a call's counter changes to the call's shard of the campaign; no campaign row lock. */
  public void addForCall(Connection c, CampaignId id, CallId call, CounterDelta delta)
      throws SQLException {
    shards.add(c, id, call, delta);
  }

  /** The campaigns of a {@link #select}, each row plus its shards, by creation order. */
  private List<Campaign> list(PreparedStatement s) throws SQLException {
    Map<String, Row> rows = new HashMap<>();
    List<Row> campaigns = new ArrayList<>();
    List<Object[]> shardRows = new ArrayList<>();
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) {
        long[] counters = new long[Counter.values().length];
        for (int i = 0; i < counters.length; i++) {
          counters[i] = r.getLong(11 + i);
        }
        String id = r.getString(1);
        if (r.getInt(2) == 0) {
          Row row = new Row(r, counters);
          rows.put(id, row);
          campaigns.add(row);
        } else {
          shardRows.add(new Object[] {id, counters});
        }
      }
    }
    for (Object[] shard : shardRows) {
      Row row = rows.get((String) shard[0]);
      if (row != null) {
        long[] add = (long[]) shard[1];
        for (int i = 0; i < add.length; i++) {
          row.counters[i] += add[i];
        }
      }
    }
    campaigns.sort(
        Comparator.comparingLong((Row row) -> row.createdAt).thenComparingLong(row -> row.seq));
    List<Campaign> out = new ArrayList<>(campaigns.size());
    for (Row row : campaigns) {
      out.add(row.campaign());
    }
    return List.copyOf(out);
  }

  /** A campaign row as read, its counters still to be completed with its shards. */
  private static final class Row {
    final String id;
    final String tenant;
    final String spec;
    final String status;
    final long createdAt;
    final Instant startedAt;
    final Instant endedAt;
    final Instant updatedAt;
    final long seq;
    final long[] counters;

    Row(ResultSet r, long[] counters) throws SQLException {
      id = r.getString(1);
      tenant = r.getString(3);
      spec = r.getString(4);
      status = r.getString(5);
      createdAt = r.getLong(6);
      startedAt = Columns.getInstant(r, 7);
      endedAt = Columns.getInstant(r, 8);
      updatedAt = Columns.getInstant(r, 9);
      seq = r.getLong(10);
      this.counters = counters;
    }

    Campaign campaign() {
      Map<Counter, Long> byName = new EnumMap<>(Counter.class);
      for (Counter counter : Counter.values()) {
        byName.put(counter, counters[counter.ordinal()]);
      }
      return new Campaign(
          CampaignId.of(id),
          TenantId.of(tenant),
          Json.spec(spec),
          CampaignStatus.valueOf(status),
          new CampaignCounters(byName),
          Columns.instant(createdAt),
          startedAt,
          endedAt,
          updatedAt);
    }
  }
}
