package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The calls, with the dedupe keys applied to each and an index on the provider's ids. Not
 * thread-safe: the owning store guards it.
 */
final class CallIndex {
  private record ProviderKey(String provider, String id) {}

  private static final class Entry {
    Call call;
    final Set<String> dedupeKeys = new HashSet<>();

    Entry(Call call) {
      this.call = call;
    }
  }

  private final Map<CallId, Entry> calls = new HashMap<>();
  private final Map<ProviderKey, CallId> byProviderCallId = new HashMap<>();
  private final Map<ProviderKey, CallId> byProviderRequestId = new HashMap<>();
  // every call to a number of a tenant, for the attempt caps
  private final Map<NumberKey, List<CallId>> byNumber = new HashMap<>();

  private record NumberKey(TenantId tenant, String e164) {}

  boolean contains(CallId id) {
    return calls.containsKey(id);
  }

  Call get(CallId id) {
    Entry entry = calls.get(id);
    return entry == null ? null : entry.call;
  }

  boolean hasDedupeKey(CallId id, String key) {
    return calls.get(id).dedupeKeys.contains(key);
  }

  /** Stores a new call or replaces a stored one, recording {@code dedupeKey} if not null. */
  void put(Call call, String dedupeKey) {
    Entry entry = calls.get(call.id());
    if (entry == null) {
      entry = new Entry(call);
      calls.put(call.id(), entry);
      byNumber
          .computeIfAbsent(new NumberKey(call.tenant(), call.to().e164()), k -> new ArrayList<>())
          .add(call.id());
    } else {
      unindex(entry.call);
      entry.call = call;
    }
    if (dedupeKey != null) {
      entry.dedupeKeys.add(dedupeKey);
    }
    index(call);
  }

  /**
   * When the tenant's calls to {@code to} created after {@code since} were created, leaving out
   * calls released unsent: what {@link dev.dialkit.campaign.spi.AttemptCapRules} counts.
   */
  List<Instant> countedCallTimes(TenantId tenant, PhoneNumber to, Instant since) {
    List<Instant> times = new ArrayList<>();
    for (CallId id : byNumber.getOrDefault(new NumberKey(tenant, to.e164()), List.of())) {
      Call call = calls.get(id).call;
      boolean releasedUnsent =
          call.status() == CallStatus.CANCELED && call.failureReason() == FailureReason.NOT_DIALED;
      if (call.createdAt().isAfter(since) && !releasedUnsent) {
        times.add(call.createdAt());
      }
    }
    return times;
  }

  Optional<Call> findByProviderId(String provider, String id) {
    ProviderKey key = new ProviderKey(provider, id);
    CallId found = byProviderCallId.get(key);
    if (found == null) {
      found = byProviderRequestId.get(key);
    }
    return found == null ? Optional.empty() : Optional.of(calls.get(found).call);
  }

  private void index(Call call) {
    if (call.providerCallId() != null) {
      byProviderCallId.put(new ProviderKey(call.provider(), call.providerCallId()), call.id());
    }
    if (call.providerRequestId() != null) {
      byProviderRequestId.put(
          new ProviderKey(call.provider(), call.providerRequestId()), call.id());
    }
  }

  private void unindex(Call call) {
    if (call.providerCallId() != null) {
      byProviderCallId.remove(new ProviderKey(call.provider(), call.providerCallId()), call.id());
    }
    if (call.providerRequestId() != null) {
      byProviderRequestId.remove(
          new ProviderKey(call.provider(), call.providerRequestId()), call.id());
    }
  }
}
