package dev.dialkit.testkit.internal.sim;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.PlacedCall;
import dev.dialkit.campaign.spi.ProviderCapabilities;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The shared simulated provider as one instance sees it: every answer comes back as a task on that
 * instance's own scheduler, as a response sits in that process's socket until one of its threads
 * reads it. So a frozen instance reads its answers only when it thaws, and a crashed one never: no
 * code of a dead instance runs after its crash. A request from an instance that is down (a task
 * that ran on after its crash) is refused before it reaches the provider.
 */
final class InstanceProvider implements CallProvider {
  private final CallProvider provider;
  private final SimInstance instance;

  InstanceProvider(CallProvider provider, SimInstance instance) {
    this.provider = provider;
    this.instance = instance;
  }

  @Override
  public String name() {
    return provider.name();
  }

  @Override
  public ProviderCapabilities capabilities() {
    return provider.capabilities();
  }

  @Override
  public double callsPerSecond() {
    return provider.callsPerSecond();
  }

  @Override
  public CompletionStage<PlacedCall> place(DialRequest request) {
    instance.checkAlive();
    return routed(provider.place(request));
  }

  @Override
  public java.util.Optional<dev.dialkit.campaign.Conversation> conversation(
      CallStatusUpdate update) {
    return provider.conversation(update);
  }

  @Override
  public List<CallStatusUpdate> parseWebhook(WebhookRequest request) {
    return provider.parseWebhook(request);
  }

  @Override
  public CompletionStage<Void> hangUp(Call call) {
    instance.checkAlive();
    return routed(provider.hangUp(call));
  }

  @Override
  public CompletionStage<Optional<CallStatusUpdate>> queryStatus(Call call) {
    instance.checkAlive();
    return routed(provider.queryStatus(call));
  }

  private <T> CompletionStage<T> routed(CompletionStage<T> answer) {
    CompletableFuture<T> mine = new CompletableFuture<>();
    int incarnation = instance.incarnation();
    answer.whenComplete(
        (value, error) ->
            instance.execute(
                incarnation,
                () -> {
                  if (error != null) {
                    mine.completeExceptionally(error);
                  } else {
                    mine.complete(value);
                  }
                }));
    return mine;
  }
}
