package dev.dialkit.micrometer;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.ProviderException;
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
import java.util.concurrent.atomic.AtomicInteger;

/** The simulated network under another name; while {@code down} its account refuses every call. */
final class DownProvider implements CallProvider {
  private final String name;
  private final CallProvider inner;
  final AtomicInteger accepted = new AtomicInteger();
  volatile boolean down;

  DownProvider(String name, CallProvider inner) {
    this.name = name;
    this.inner = inner;
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
  public CompletionStage<PlacedCall> place(DialRequest request) {
    if (down) {
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
    accepted.incrementAndGet();
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
