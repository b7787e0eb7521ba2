package dev.dialkit.testkit.internal.fuzz;

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
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A provider whose calls to the network finish before they return, so that a test driving the
 * dialer with a manual scheduler sees each request answered without waiting on the clock of the
 * wall. The HTTP exchange is real; only the thread that waits for it changes.
 */
public final class BlockingProvider implements CallProvider {
  private final CallProvider inner;

  public BlockingProvider(CallProvider inner) {
    this.inner = inner;
  }

  @Override
  public String name() {
    return inner.name();
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
  public CompletionStage<PlacedCall> place(DialRequest request) {
    return settled(inner.place(request));
  }

  @Override
  public java.util.Optional<dev.dialkit.campaign.Conversation> conversation(
      CallStatusUpdate update) {
    return inner.conversation(update);
  }

  @Override
  public List<CallStatusUpdate> parseWebhook(WebhookRequest request) {
    return inner.parseWebhook(request);
  }

  @Override
  public CompletionStage<Void> hangUp(Call call) {
    return settled(inner.hangUp(call));
  }

  @Override
  public CompletionStage<Optional<CallStatusUpdate>> queryStatus(Call call) {
    return settled(inner.queryStatus(call));
  }

  private static <T> CompletionStage<T> settled(CompletionStage<T> stage) {
    try {
      return CompletableFuture.completedFuture(stage.toCompletableFuture().join());
    } catch (CompletionException e) {
      return CompletableFuture.failedFuture(e.getCause());
    }
  }
}
