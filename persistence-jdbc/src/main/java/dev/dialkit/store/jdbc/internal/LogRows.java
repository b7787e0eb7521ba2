package dev.dialkit.store.jdbc.internal;

import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The call log: appends (the sequence is an identity column) and pages. */
public final class LogRows {
  private static final String COLUMNS =
      "seq, tenant, campaign_id, call_id, occurred_at, event, status, detail, provider, raw_payload";

  private final Tables t;

  public LogRows(Tables tables) {
    this.t = tables;
  }

  public void append(Connection c, List<CallLogEntry> entries) throws SQLException {
    if (entries.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO "
                + t.callLog
                + " ("
                + INSERTED
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (CallLogEntry e : entries) {
        bind(s, 1, e);
        if (entries.size() == 1) {
          s.executeUpdate();
        } else {
          s.addBatch();
        }
      }
      if (entries.size() > 1) {
        s.executeBatch();
      }
    }
  }

  /** The columns an append writes, in {@link #bind}'s order (9 values; the sequence is given). */
  static final String INSERTED =
      "tenant, campaign_id, call_id, occurred_at, event, status, detail, provider, raw_payload";

  /** Binds one entry's {@link #INSERTED} values from {@code first}; returns the next index. */
  static int bind(PreparedStatement s, int first, CallLogEntry e) throws SQLException {
    int i = first;
    s.setString(i++, e.tenant().value());
    s.setString(i++, e.campaignId().value());
    s.setString(i++, e.callId() == null ? null : e.callId().value());
    Columns.setInstant(s, i++, e.at());
    s.setString(i++, e.event().name());
    s.setString(i++, Columns.name(e.status()));
    s.setString(i++, e.detail());
    s.setString(i++, e.provider());
    s.setString(i++, e.rawPayload());
    return i;
  }

  public Page<CallLogEntry> ofCampaign(
      Connection c, TenantId tenant, CampaignId campaign, PageRequest page) throws SQLException {
    return page(c, "campaign_id", campaign.value(), tenant, page);
  }

  public Page<CallLogEntry> ofCall(Connection c, TenantId tenant, CallId call, PageRequest page)
      throws SQLException {
    return page(c, "call_id", call.value(), tenant, page);
  }

  private Page<CallLogEntry> page(
      Connection c, String column, String id, TenantId tenant, PageRequest page)
      throws SQLException {
    long total;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT COUNT(*) FROM " + t.callLog + " WHERE " + column + " = ? AND tenant = ?")) {
      s.setString(1, id);
      s.setString(2, tenant.value());
      try (ResultSet r = s.executeQuery()) {
        r.next();
        total = r.getLong(1);
      }
    }
    List<CallLogEntry> items = new ArrayList<>();
    if (total > 0) {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT "
                  + COLUMNS
                  + " FROM "
                  + t.callLog
                  + " WHERE "
                  + column
                  + " = ? AND tenant = ? AND seq > ? ORDER BY seq LIMIT ? OFFSET ?")) {
        s.setString(1, id);
        s.setString(2, tenant.value());
        s.setLong(3, page.afterSequence());
        s.setInt(4, page.limit());
        s.setInt(5, page.offset());
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            String call = r.getString("call_id");
            items.add(
                new CallLogEntry(
                    r.getLong("seq"),
                    TenantId.of(r.getString("tenant")),
                    CampaignId.of(r.getString("campaign_id")),
                    call == null ? null : CallId.of(call),
                    Columns.getInstant(r, "occurred_at"),
                    CallLogEvent.valueOf(r.getString("event")),
                    Columns.getEnum(r, "status", CallStatus.class),
                    r.getString("detail"),
                    r.getString("provider"),
                    r.getString("raw_payload")));
          }
        }
      }
    }
    long cursor = items.isEmpty() ? page.afterSequence() : items.get(items.size() - 1).sequence();
    return new Page<>(items, total, cursor);
  }
}
