package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.DialerObserver;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.WebhookResult;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What observers are told, and that one that throws breaks nothing. */
class DialerObserverTest {
  private static final ConcurrencyPolicy FOUR =
      ConcurrencyPolicy.builder().global(4).perTenant(4).build();

  /** Records every observation. */
  static final class Recorder implements DialerObserver {
    final List<Claim> claims = new CopyOnWriteArrayList<>();
    final List<Placed> placed = new CopyOnWriteArrayList<>();
    final List<PlaceFailure> placeFailures = new CopyOnWriteArrayList<>();
    final List<ProviderAnswer> answers = new CopyOnWriteArrayList<>();
    final List<Webhook> webhooks = new CopyOnWriteArrayList<>();

    @Override
    public void claimed(Claim claim) {
      claims.add(claim);
    }

    @Override
    public void callPlaced(Placed p) {
      placed.add(p);
    }

    @Override
    public void placeFailed(PlaceFailure failure) {
      placeFailures.add(failure);
    }

    @Override
    public void providerAnswered(ProviderAnswer answer) {
      answers.add(answer);
    }

    @Override
    public void webhookHandled(Webhook webhook) {
      webhooks.add(webhook);
    }
  }

  /** Throws from every method. */
  static final class Thrower implements DialerObserver {
    @Override
    public void claimed(Claim claim) {
      throw new IllegalStateException("observer bug");
    }

    @Override
    public void callPlaced(Placed placed) {
      throw new IllegalStateException("observer bug");
    }

    @Override
    public void placeFailed(PlaceFailure failure) {
      throw new IllegalStateException("observer bug");
    }

    @Override
    public void providerAnswered(ProviderAnswer answer) {
      throw new IllegalStateException("observer bug");
    }

    @Override
    public void webhookHandled(Webhook webhook) {
      throw new IllegalStateException("observer bug");
    }
  }

  @Test
  void aThrowingObserverBreaksNothingAndTheNextOneHearsEverything() {
    Recorder recorder = new Recorder();
    try (DialerRig rig =
        new DialerRig(
            FOUR,
            p -> p.placeFailures(0.2, 0),
            b -> b.observer(new Thrower()).observer(recorder))) {
      CampaignId id = rig.startCampaign("observed", 30, s -> s);
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);
      CampaignProgress p = rig.dialer.campaigns().progress(DialerRig.TENANT, id);

      assertThat(p.done() + p.failed()).isEqualTo(30);
      assertThat(recorder.placed).hasSize((int) p.callsPlaced());
      assertThat(recorder.placed)
          .allSatisfy(
              x -> {
                assertThat(x.campaign()).isEqualTo(id);
                assertThat(x.provider()).isEqualTo("simulated");
              });
      assertThat(recorder.claims.stream().mapToInt(c -> c.leadsClaimed()).sum())
          .as("every lead claimed, in batches, was handed to placing")
          .isEqualTo(recorder.placed.size());
      assertThat(recorder.placeFailures)
          .as("the injected 503s, each retried")
          .isNotEmpty()
          .allSatisfy(f -> assertThat(f.callEnded()).isFalse());
      assertThat(recorder.answers.stream().filter(a -> !a.accepted()))
          .hasSameSizeAs(recorder.placeFailures);
      assertThat(recorder.answers.stream().filter(DialerObserver.ProviderAnswer::accepted))
          .hasSize((int) p.callsPlaced());
      assertThat(recorder.webhooks)
          .hasSize((int) rig.provider.webhookCounts().sent())
          .allSatisfy(w -> assertThat(w.provider()).isEqualTo("simulated"));
      assertThat(recorder.webhooks.stream().map(DialerObserver.Webhook::result))
          .contains(WebhookResult.APPLIED);
    }
  }

  @Test
  void rejectedWebhooksAreToldWithTheirReasonAndNoUntrustedProviderName() {
    Recorder recorder = new Recorder();
    try (DialerRig rig = new DialerRig(FOUR, p -> p, b -> b.observer(recorder))) {
      rig.dialer
          .webhooks()
          .handle(
              WebhookRequest.formPost(
                  URI.create("https://host/hook?dialkit_provider=evil%0Aname&dialkit_tenant=acme"),
                  Map.of(),
                  "CallStatus=completed"));
      rig.dialer
          .webhooks()
          .handle(
              WebhookRequest.formPost(
                  URI.create("https://host/hook?dialkit_provider=simulated&dialkit_tenant=acme"),
                  Map.of(),
                  "CallStatus=completed"));

      assertThat(recorder.webhooks)
          .extracting(DialerObserver.Webhook::provider, DialerObserver.Webhook::result)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  DialerObserver.Webhook.UNKNOWN_PROVIDER, WebhookResult.REJECTED_UNKNOWN_PROVIDER),
              org.assertj.core.groups.Tuple.tuple("simulated", WebhookResult.REJECTED_SIGNATURE));
    }
  }
}
