package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.TenantId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The latest stored state of the calls this instance is dialing, as its own writes returned them,
 * so that a webhook finds its call without a store read (four reads per call, a third of the
 * statements a lead cost on PostgreSQL).
 *
 * <p>An optimisation only, never a source of truth: every change is still a compare-and-set on the
 * version the store holds, so an entry that another instance (or an operator) made stale costs one
 * refused write, which answers with the current call, and nothing else. Only states the store
 * acknowledged are kept (a claim's call, an applied change, a refusal's current call), a newer
 * version is never replaced by an older one, an ended call leaves, and the oldest entries make room
 * beyond {@code capacity}. A lookup checks the tenant, so it can never answer another tenant's
 * call.
 */
final class RecentCalls {
  private final int capacity;
  private final Map<CallId, Call> calls;

  RecentCalls(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
    }
    this.capacity = capacity;
    this.calls =
        new LinkedHashMap<>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<CallId, Call> eldest) {
            return size() > RecentCalls.this.capacity;
          }
        };
  }

  /** Keeps {@code call} as stored, unless a newer version is kept; an ended call is dropped. */
  void remember(Call call) {
    if (call == null) {
      return;
    }
    synchronized (calls) {
      if (call.status().isTerminal()) {
        calls.remove(call.id());
        return;
      }
      Call kept = calls.get(call.id());
      if (kept == null || kept.version() < call.version()) {
        calls.put(call.id(), call);
      }
    }
  }

  /** The call as last kept, if it is {@code tenant}'s. */
  Optional<Call> find(TenantId tenant, CallId id) {
    Call call;
    synchronized (calls) {
      call = calls.get(id);
    }
    return call != null && call.tenant().equals(tenant) ? Optional.of(call) : Optional.empty();
  }

  /** {@code call}, or the newer version of it kept here. */
  Call freshest(Call call) {
    Call kept;
    synchronized (calls) {
      kept = calls.get(call.id());
    }
    return kept != null && kept.tenant().equals(call.tenant()) && kept.version() > call.version()
        ? kept
        : call;
  }

  int size() {
    synchronized (calls) {
      return calls.size();
    }
  }
}
