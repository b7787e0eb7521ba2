package dev.dialkit.benchmarks;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.PlacedCall;
import dev.dialkit.campaign.spi.ProviderCapabilities;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** A provider that tells a hook the moment {@code place()} is invoked, then delegates. */
final class ProbedProvider implements CallProvider {
  private final CallProvider delegate;
  private final Runnable beforePlace;

  ProbedProvider(CallProvider delegate, Runnable beforePlace) {
    this.delegate = delegate;
    this.beforePlace = beforePlace;
  }

  @Override
  public CompletionStage<PlacedCall> place(DialRequest request) {
    beforePlace.run();
    return delegate.place(request);
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public ProviderCapabilities capabilities() {
    return delegate.capabilities();
  }

  @Override
  public double callsPerSecond() {
    return delegate.callsPerSecond();
  }

  @Override
  public List<CallStatusUpdate> parseWebhook(WebhookRequest request) {
    return delegate.parseWebhook(request);
  }

  @Override
  public CompletionStage<Void> hangUp(Call call) {
    return delegate.hangUp(call);
  }

  @Override
  public CompletionStage<Optional<CallStatusUpdate>> queryStatus(Call call) {
    return delegate.queryStatus(call);
  }
}
