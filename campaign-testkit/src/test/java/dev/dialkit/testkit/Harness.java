package dev.dialkit.testkit;

import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.WebhookResponse;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.PlacedCall;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** A simulated provider on a virtual clock and a manual scheduler, its webhooks captured. */
final class Harness {
  final VirtualClock clock = VirtualClock.at(Fixtures.START);
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final Fixtures.Capture webhooks;
  final SimulatedCallProvider provider;

  Harness(UnaryOperator<SimulatedCallProviderBuilder> config) {
    this(config, r -> WebhookResponse.ok());
  }

  Harness(
      UnaryOperator<SimulatedCallProviderBuilder> config,
      Function<WebhookRequest, WebhookResponse> answer) {
    webhooks = new Fixtures.Capture(clock, answer);
    provider =
        config
            .apply(SimulatedCallProvider.builder().clock(clock).scheduler(scheduler))
            .build()
            .connect(webhooks);
  }

  /** Places calls 1 to n at the current instant. */
  List<CompletionStage<PlacedCall>> placeMany(int n) {
    List<CompletionStage<PlacedCall>> stages = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      stages.add(provider.place(Fixtures.request(i)));
    }
    return stages;
  }

  /** Every webhook received so far, parsed (and so verified), in the order received. */
  List<CallStatusUpdate> updates() {
    return webhooks.snapshot().stream().flatMap(r -> provider.parseWebhook(r).stream()).toList();
  }

  /** The updates received for one call, in the order received. */
  List<CallStatusUpdate> updates(String providerCallId) {
    return updates().stream().filter(u -> u.providerCallId().equals(providerCallId)).toList();
  }

  static PlacedCall placed(CompletionStage<PlacedCall> stage) {
    return stage.toCompletableFuture().join();
  }

  static DialRequest req(int n) {
    return Fixtures.request(n);
  }
}
