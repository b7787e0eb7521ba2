package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.PlacedCall;
import dev.dialkit.campaign.spi.ProviderCapabilities;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Carrier failover in virtual time: a campaign names provider {@code a} with {@code b} to fail over
 * to. Both are the same simulated network under two names, so the simulator's record is the one
 * truth of what was dialed.
 */
class FailoverTest {
  private static final ConcurrencyPolicy FOUR =
      ConcurrencyPolicy.builder().global(4).perTenant(4).build();
  private static final int LEADS = 60;

  /**
   * A fails mid-campaign (its account refuses every call), B takes over, A recovers and takes the
   * calls back once its breaker lets a trial through: every lead reached the network exactly once.
   */
  @Test
  void aProviderThatGoesDownFailsOverAndTakesItsCallsBackWhenItRecovers() {
    Named[] named = new Named[2];
    try (DialerRig rig = rig(named)) {
      Named a = named[0];
      Named b = named[1];
      CampaignId id = rig.startCampaign("failover", LEADS, s -> s.provider("a").failover("b"));

      rig.scheduler.runUntil(() -> a.accepted.size() >= 10);
      a.down = true;
      rig.scheduler.runUntil(() -> b.accepted.size() >= 10);
      Instant recovered = rig.clock.instant();
      a.down = false;
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);

      // every lead reached the network exactly once, whichever provider carried it
      Map<PhoneNumber, Long> dials =
          rig.provider.calls().stream()
              .collect(Collectors.groupingBy(c -> c.to(), Collectors.counting()));
      assertThat(dials).hasSize(LEADS);
      assertThat(dials.values()).allMatch(n -> n == 1);
      assertThat(a.accepted.size() + b.accepted.size()).isEqualTo(LEADS);
      assertThat(a.refused).as("A refused while down, and those leads failed over").isNotEmpty();
      assertThat(a.acceptedAfter(recovered)).as("A took its calls back").isNotEmpty();

      // each call records the provider that carried it; a refused call was released unsent
      List<Lead> leads = rig.allLeads(id);
      assertThat(leads).allSatisfy(l -> assertThat(l.state()).isEqualTo(LeadState.DONE));
      for (Lead lead : leads) {
        List<Call> calls = calls(rig, lead);
        List<Call> dialed =
            calls.stream().filter(c -> c.failureReason() != FailureReason.NOT_DIALED).toList();
        assertThat(dialed).as(lead.id().value()).hasSize(1);
        assertThat(lead.attempts()).isEqualTo(1);
        String carrier = dialed.get(0).provider();
        assertThat(carrier.equals("a") ? a.accepted : b.accepted).contains(dialed.get(0).id());
      }
      assertThat(rig.dialer.leads().decision(DialerRig.TENANT, leads.get(0).id()).detail())
          .as("decisions of finished leads say what happened to them")
          .isNotBlank();
      CampaignProgress progress = rig.dialer.campaigns().progress(DialerRig.TENANT, id);
      assertThat(progress.failovers())
          .as("progress counts the calls B carried for A, each once")
          .isEqualTo(b.accepted.size())
          .isPositive();
      assertThat(progress.retries()).as("no lead was retried").isZero();
    }
  }

  /** A campaign without failover providers keeps today's behaviour: the refusal fails the lead. */
  @Test
  void withoutFailoverAnAccountRefusalFailsTheLead() {
    Named[] named = new Named[2];
    try (DialerRig rig = rig(named)) {
      named[0].down = true;
      CampaignId id = rig.startCampaign("no failover", 3, s -> s.provider("a"));
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);
      assertThat(rig.allLeads(id))
          .allSatisfy(l -> assertThat(l.state()).isEqualTo(LeadState.FAILED));
      assertThat(named[1].accepted).isEmpty();
      assertThat(rig.provider.calls()).isEmpty();
    }
  }

  @Test
  void aFailoverProviderTheDialerDoesNotHaveIsRefusedAtCreation() {
    Named[] named = new Named[2];
    try (DialerRig rig = rig(named)) {
      assertThatThrownBy(() -> rig.campaign("bad", s -> s.provider("a").failover("nowhere")))
          .isInstanceOf(InvalidConfigurationException.class)
          .hasMessageContaining("failover");
      assertThatThrownBy(() -> rig.campaign("self", s -> s.provider("a").failover("a")))
          .isInstanceOf(InvalidConfigurationException.class);
    }
  }

  private static List<Call> calls(DialerRig rig, Lead lead) {
    List<Call> calls = new java.util.ArrayList<>();
    for (int n = 1; n <= 5; n++) {
      rig.dialer
          .calls()
          .get(DialerRig.TENANT, CallId.forAttempt(lead.id(), n))
          .ifPresent(calls::add);
    }
    return calls;
  }

  private static DialerRig rig(Named[] named) {
    return new DialerRig(
        FOUR,
        p -> p.outcomeOdds(0, 0, 0, 0),
        (rig, b) -> {
          named[0] = new Named("a", rig.provider, rig.clock::instant);
          named[1] = new Named("b", rig.provider, rig.clock::instant);
          return b.provider(named[0]).provider(named[1]);
        });
  }

  /** The simulated network under a name; while {@code down}, its account refuses every call. */
  private static final class Named implements CallProvider {
    final String name;
    final SimulatedCallProvider inner;
    final java.util.function.Supplier<Instant> now;
    final List<CallId> accepted = new CopyOnWriteArrayList<>();
    final List<Instant> acceptedAt = new CopyOnWriteArrayList<>();
    final List<CallId> refused = new CopyOnWriteArrayList<>();
    volatile boolean down;

    Named(String name, SimulatedCallProvider inner, java.util.function.Supplier<Instant> now) {
      this.name = name;
      this.inner = inner;
      this.now = now;
    }

    List<CallId> acceptedAfter(Instant at) {
      List<CallId> after = new java.util.ArrayList<>();
      for (int i = 0; i < accepted.size(); i++) {
        if (acceptedAt.get(i).isAfter(at)) {
          after.add(accepted.get(i));
        }
      }
      return after;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public ProviderCapabilities capabilities() {
      return inner.capabilities();
    }

    @Override
    public double callsPerSecond() {
      return inner.callsPerSecond();
    }

    @Override
    public synchronized CompletionStage<PlacedCall> place(DialRequest request) {
      if (down) {
        refused.add(request.callId());
        return CompletableFuture.failedFuture(
            new ProviderException(
                name,
                "account suspended",
                401,
                "20003",
                FailureReason.ACCOUNT_OR_PERMISSION,
                false,
                false,
                null));
      }
      accepted.add(request.callId());
      acceptedAt.add(now.get());
      return inner.place(request);
    }

    @Override
    public List<CallStatusUpdate> parseWebhook(WebhookRequest request) {
      return inner.parseWebhook(request);
    }

    @Override
    public CompletionStage<Void> hangUp(Call call) {
      return inner.hangUp(call);
    }

    @Override
    public CompletionStage<Optional<CallStatusUpdate>> queryStatus(Call call) {
      return inner.queryStatus(call);
    }
  }
}
