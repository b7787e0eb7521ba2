package dev.dialkit.servlet;

import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.WebhookResponse;
import dev.dialkit.campaign.Webhooks;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Keeps the last request it was handed and answers 202; a body of {@code throw} makes it throw. */
final class CapturingWebhooks implements Webhooks {
  final AtomicReference<WebhookRequest> last = new AtomicReference<>();
  final AtomicInteger count = new AtomicInteger();

  @Override
  public WebhookResponse handle(WebhookRequest request) {
    count.incrementAndGet();
    last.set(request);
    if (request.body().equals("throw")) {
      throw new IllegalStateException("a Webhooks that breaks its contract");
    }
    return new WebhookResponse(202, null, "taken");
  }

  void reset() {
    last.set(null);
    count.set(0);
  }
}
