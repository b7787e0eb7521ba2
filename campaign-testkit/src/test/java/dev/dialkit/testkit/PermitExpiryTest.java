package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CampaignDialerBuilder;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.spi.BatchClaimResult;
import dev.dialkit.campaign.spi.DialPermit;
import dev.dialkit.campaign.spi.PermitRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The adversary of the dial permit's timeout: the instance freezes right after the store granted
 * the permit, for as long as the timeout. A stop (pause, cancel, a lost lease) waits that long for
 * the sends in flight and no longer, so the thawed instance must not send under that permit. A
 * permit asked after a pre-dial hook is then withdrawn (the call released unsent, its lead dialed
 * later, once); one that came with the claim is replaced by a permit asked at once, which checks
 * everything again, and the call is sent under the new one.
 */
class PermitExpiryTest {
  private static final Duration PERMIT_TIMEOUT = Duration.ofSeconds(2);

  @Test
  void aPermitGrantedWithTheClaimAndAsOldAsThePermitTimeoutIsReplacedBeforeTheSend() {
    try (DialerRig rig =
        new DialerRig(
            ConcurrencyPolicy.builder().global(1).perTenant(1).build(),
            p -> p.apiLatency(Duration.ofMillis(100)),
            b -> b.permitTimeout(PERMIT_TIMEOUT))) {
      AtomicReference<Instant> staleSentAt = new AtomicReference<>();
      AtomicReference<Instant> frozenAt = new AtomicReference<>();
      List<PermitRequest> replacing = new CopyOnWriteArrayList<>();
      rig.afterEach.add(
          op -> {
            if (op.method().equals("claimBatch")
                && op.result() instanceof BatchClaimResult batch
                && !batch.isEmpty()
                && batch.claimed().get(0).call().sentAt() != null
                && frozenAt.compareAndSet(null, rig.clock.instant())) {
              staleSentAt.set(batch.claimed().get(0).call().sentAt());
              rig.clock.advance(PERMIT_TIMEOUT); // stalls between the claim's answer and the send
            }
            if (op.method().equals("requestDialPermit")
                && op.result() instanceof DialPermit.Granted) {
              replacing.add((PermitRequest) op.arg(0));
            }
          });

      CampaignId id = rig.startCampaign("expiry", 1, s -> s);
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);

      assertThat(frozenAt.get()).as("the freeze happened").isNotNull();
      assertThat(replacing)
          .as("the stale permit was replaced, not used")
          .singleElement()
          .satisfies(r -> assertThat(r.previousSentAt()).isEqualTo(staleSentAt.get()));
      assertThat(rig.provider.calls()).as("dialed once").hasSize(1);
      assertThat(rig.provider.calls().get(0).placedAt())
          .isAfterOrEqualTo(frozenAt.get().plus(PERMIT_TIMEOUT));
    }
  }

  @Test
  void aPermitAskedAfterAPreDialHookAndAsOldAsThePermitTimeoutIsNeverUsed() {
    // a pre-dial hook may delay the send, so the permit is asked of the store after it
    assertFrozenPermitUnused(
        b -> b.preDialHook((campaign, lead, call) -> CompletableFuture.completedFuture(null)),
        op -> op.method().equals("requestDialPermit") && op.result() instanceof DialPermit.Granted);
  }

  private void assertFrozenPermitUnused(
      UnaryOperator<CampaignDialerBuilder> config, Predicate<WatchedStore.Invocation> granted) {
    try (DialerRig rig =
        new DialerRig(
            ConcurrencyPolicy.builder().global(1).perTenant(1).build(),
            p -> p.apiLatency(Duration.ofMillis(100)),
            b -> config.apply(b.permitTimeout(PERMIT_TIMEOUT)))) {
      AtomicReference<Instant> frozenAt = new AtomicReference<>();
      rig.afterEach.add(
          op -> {
            if (granted.test(op) && frozenAt.compareAndSet(null, rig.clock.instant())) {
              // the thread stalls between the permit's answer and the send
              rig.clock.advance(PERMIT_TIMEOUT);
            }
          });

      CampaignId id = rig.startCampaign("expiry", 1, s -> s);
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);

      assertThat(frozenAt.get()).as("the freeze happened").isNotNull();
      assertThat(rig.provider.calls()).as("dialed once, by a later permit").hasSize(1);
      assertThat(rig.provider.calls().get(0).placedAt())
          .isAfterOrEqualTo(frozenAt.get().plus(PERMIT_TIMEOUT));
      assertThat(rig.fullLog(id))
          .extracting(CallLogEntry::detail)
          .anySatisfy(d -> assertThat(d).contains("the permit expired before the send"));
    }
  }
}
