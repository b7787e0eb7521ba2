package dev.dialkit.micrometer;

import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignProgress;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The meters read from each campaign event's progress: the calls in progress (a gauge per campaign
 * tag, the sum of the campaigns behind it, so "other" sums the campaigns beyond the limit), and
 * failovers and retries (counters advanced by how much the campaign's stored count grew since the
 * last progress seen).
 */
final class ProgressMeters {
  /** The last progress seen of one campaign: what its counters are advanced from. */
  private record Seen(Tags tags, long inProgress, long failovers, long retries) {}

  private final MeterRegistry registry;
  private final MeterNames names;
  private final Scopes scopes;
  private final Map<CampaignId, Seen> seen = new ConcurrentHashMap<>();

  /** Each gauge's campaigns, with their calls in progress. */
  private final Map<Tags, Map<CampaignId, Long>> inProgress = new ConcurrentHashMap<>();

  ProgressMeters(MeterRegistry registry, MeterNames names, Scopes scopes) {
    this.registry = registry;
    this.names = names;
    this.scopes = scopes;
  }

  /** One campaign event's progress; events of one campaign arrive in order. */
  synchronized void progress(CampaignProgress p) {
    CampaignId id = p.campaignId();
    Seen last = seen.get(id);
    Tags tags = last != null ? last.tags() : scopes.of(p.tenant(), id);
    advance(names.failovers(), tags, p.failovers() - (last == null ? 0 : last.failovers()));
    advance(names.retries(), tags, p.retries() - (last == null ? 0 : last.retries()));
    if (p.status().isFinal() && p.inProgress() == 0) {
      // nothing more can change: out of its gauge. Its last counts are kept (a few longs), so that
      // a late event of it advances nothing
      cell(tags).remove(id);
    } else {
      cell(tags).put(id, p.inProgress());
    }
    seen.put(id, new Seen(tags, p.inProgress(), p.failovers(), p.retries()));
  }

  private Map<CampaignId, Long> cell(Tags tags) {
    return inProgress.computeIfAbsent(
        tags,
        t -> {
          Map<CampaignId, Long> campaigns = new ConcurrentHashMap<>();
          Gauge.builder(
                  names.callsInProgress(),
                  campaigns,
                  c -> c.values().stream().mapToLong(Long::longValue).sum())
              .tags(t)
              .description("calls in progress, from the store's counters at the last event")
              .strongReference(true)
              .register(registry);
          return campaigns;
        });
  }

  private void advance(String name, Tags tags, long delta) {
    if (delta > 0) {
      Counter.builder(name).tags(tags).register(registry).increment(delta);
    }
  }
}
