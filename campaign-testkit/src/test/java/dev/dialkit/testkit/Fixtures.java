package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.WebhookResponse;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.campaign.spi.DialRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** Requests, calls and a capturing {@link Webhooks} for the tests. */
final class Fixtures {
  static final Instant START = Instant.parse("2025-01-06T09:00:00Z");
  static final PhoneNumber FROM = PhoneNumber.of("+14155552671");
  static final PhoneNumber TO = PhoneNumber.of("+442071838750");
  static final TenantId TENANT = TenantId.of("tenant-1");
  static final CampaignId CAMPAIGN = CampaignId.of("campaign-1");

  private Fixtures() {}

  static CallId callId(int n) {
    return CallId.forAttempt(LeadId.of("lead-" + n), 1);
  }

  /** Call {@code n}: rings at most 30 s, talks at most an hour, no machine detection. */
  static DialRequest request(int n) {
    return request(n, TO, Duration.ofSeconds(30), Duration.ofHours(1), false);
  }

  static DialRequest request(
      int n, PhoneNumber to, Duration ringTimeout, Duration maxDuration, boolean amd) {
    CallId id = callId(n);
    return new DialRequest(
        id,
        TENANT,
        CAMPAIGN,
        FROM,
        to,
        Agent.answerUrl("https://agent.example/answer"),
        Map.of(Webhooks.CALL_PARAMETER, id.value(), Webhooks.TENANT_PARAMETER, TENANT.value()),
        ringTimeout,
        maxDuration,
        amd,
        false);
  }

  /** Dialkit's record of the call {@code request} placed, as the provider's methods take it. */
  static Call call(DialRequest request, String providerCallId) {
    return new Call(
        request.callId(),
        request.tenant(),
        request.campaignId(),
        LeadId.of(request.callId().value().substring(0, request.callId().value().indexOf('.'))),
        1,
        "simulated",
        providerCallId,
        null,
        request.from(),
        request.to(),
        CallStatus.INITIATED,
        START,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        1,
        START);
  }

  /** The exception a completed stage failed with. */
  static ProviderException failure(CompletionStage<?> stage) {
    CompletableFuture<?> f = stage.toCompletableFuture();
    assertThat(f).isCompletedExceptionally();
    try {
      f.join();
    } catch (CompletionException e) {
      assertThat(e.getCause()).isInstanceOf(ProviderException.class);
      return (ProviderException) e.getCause();
    }
    throw new AssertionError("not failed");
  }

  /** A {@link Webhooks} that keeps every request and answers as {@code answer} says. */
  static final class Capture implements Webhooks {
    final List<WebhookRequest> requests = Collections.synchronizedList(new ArrayList<>());
    final List<Instant> receivedAt = Collections.synchronizedList(new ArrayList<>());
    private final VirtualClock clock;
    private final Function<WebhookRequest, WebhookResponse> answer;

    Capture(VirtualClock clock) {
      this(clock, r -> WebhookResponse.ok());
    }

    Capture(VirtualClock clock, Function<WebhookRequest, WebhookResponse> answer) {
      this.clock = clock;
      this.answer = answer;
    }

    @Override
    public WebhookResponse handle(WebhookRequest request) {
      requests.add(request);
      receivedAt.add(clock.instant());
      return answer.apply(request);
    }

    List<WebhookRequest> snapshot() {
      synchronized (requests) {
        return List.copyOf(requests);
      }
    }
  }
}
