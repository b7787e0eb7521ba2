package dev.dialkit.benchmarks;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.Suppression;
import dev.dialkit.campaign.SuppressionSource;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.testkit.StoreFixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The campaigns the plans are taken on, written through the store's own {@code insertLeads}: one
 * big campaign of tenant A, a second running campaign of A whose first numbers A's big campaign has
 * called (attempt caps hold them), a draft of A, and a running campaign of tenant B.
 *
 * <p>The big campaign's leads: priority 2 for one in 100, 1 for one in 10, else 0; time zones New
 * York 60 %, London 25 %, Kolkata 15 %, but one lead in 50 is in Sydney and due in two days (its
 * window is closed), and two in 50 are retries due tomorrow. Everything else is due at {@link
 * StoreFixtures#T0}.
 */
final class QueryPlansData {
  static final TenantId A = StoreFixtures.TENANT_A;
  static final TenantId B = StoreFixtures.TENANT_B;
  static final ZoneId NEW_YORK = StoreFixtures.NEW_YORK;
  static final ZoneId LONDON = StoreFixtures.LONDON;
  static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

  /** Leads per insertLeads call. */
  static final int BATCH = 10_000;

  /** Numbers of tenant B's campaign start here, so they never meet A's. */
  private static final int B_NUMBERS = 5_000_000;

  /** Numbers of A's second campaign past its first three start here. */
  private static final int A2_NUMBERS = 3_000_000;

  private final CampaignStore store;
  final Map<String, Long> epochs = new java.util.HashMap<>();

  QueryPlansData(CampaignStore store) {
    this.store = store;
  }

  /** A running campaign, leased by {@link StoreFixtures#OWNER} from T0 for an hour. */
  Campaign running(TenantId tenant, String id) {
    LeasedCampaign leased = LeasedCampaign.create(store, tenant, id);
    Campaign running = leased.campaign();
    long epoch = leased.epoch();
    epochs.put(running.id().value(), epoch);
    return running;
  }

  Campaign draft(TenantId tenant, String id) {
    Campaign draft = StoreFixtures.draft(tenant, id);
    store.createCampaign(draft);
    return draft;
  }

  /** The big campaign's lead {@code n}, as the class comment describes. */
  static Lead bigLead(Campaign c, int n) {
    int priority = n % 100 == 0 ? 2 : n % 10 == 0 ? 1 : 0;
    int slot = n % 50;
    Instant due = StoreFixtures.T0;
    ZoneId zone = zoneOf(n);
    if (slot == 49) {
      zone = SYDNEY;
      due = due.plus(Duration.ofDays(2));
    } else if (slot >= 47) {
      due = due.plus(Duration.ofDays(1));
    }
    return lead(c, n, StoreFixtures.phone(n), priority, due, zone);
  }

  /** Lead {@code n} of A's second campaign: its first three numbers are the big campaign's. */
  static Lead secondLead(Campaign c, int n) {
    PhoneNumber phone = StoreFixtures.phone(n < 3 ? n * 10 + 1 : A2_NUMBERS + n);
    return lead(c, n, phone, 0, StoreFixtures.T0, zoneOf(n));
  }

  static Lead otherTenantLead(Campaign c, int n) {
    return lead(
        c, n, StoreFixtures.phone(B_NUMBERS + n), n % 10 == 0 ? 1 : 0, StoreFixtures.T0, zoneOf(n));
  }

  private static ZoneId zoneOf(int n) {
    int z = n % 20;
    return z < 12 ? NEW_YORK : z < 17 ? LONDON : StoreFixtures.KOLKATA;
  }

  private static Lead lead(
      Campaign c, int n, PhoneNumber phone, int priority, Instant due, ZoneId zone) {
    return StoreFixtures.lead(c, LeadId.of(c.id() + "-lead-" + n), phone, priority, due, zone);
  }

  /** Inserts {@code count} leads made by {@code make}, {@value #BATCH} per insertLeads call. */
  void insert(Campaign c, int count, IntFunction<Lead> make) {
    for (int from = 0; from < count; from += BATCH) {
      List<Lead> batch = new ArrayList<>(BATCH);
      for (int n = from; n < Math.min(count, from + BATCH); n++) {
        batch.add(make.apply(n));
      }
      store.insertLeads(c.tenant(), c.id(), batch);
    }
  }

  /** Suppresses numbers {@code first} to {@code first + count - 1} of {@code tenant}. */
  void suppress(TenantId tenant, int first, int count) {
    List<Suppression> entries = new ArrayList<>(count);
    for (int n = first; n < first + count; n++) {
      entries.add(suppression(tenant, StoreFixtures.phone(n)));
    }
    store.addSuppressions(entries);
  }

  static Suppression suppression(TenantId tenant, PhoneNumber phone) {
    return new Suppression(
        tenant, phone, SuppressionSource.NATIONAL_REGISTRY, "registry", null, StoreFixtures.T0);
  }
}
