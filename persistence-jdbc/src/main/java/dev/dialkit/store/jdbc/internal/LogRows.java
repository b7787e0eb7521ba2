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
                + " (tenant, campaign_id, call_id, occurred_at, event, status, detail, provider,"
                + " raw_payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (CallLogEntry e : entries) {
        s.setString(1, e.tenant().value());
        s.setString(2, e.campaignId().value());
        s.setString(3, e.callId() == null ? null : e.callId().value());
        Columns.setInstant(s, 4, e.at());
        s.setString(5, e.event().name());
        s.setString(6, Columns.name(e.status()));
        s.setString(7, e.detail());
        s.setString(8, e.provider());
        s.setString(9, e.rawPayload());
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
