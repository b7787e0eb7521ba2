package dev.dialkit.provider.bolna;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.DialRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Dial requests, stored calls and waiting, for the provider's own tests. */
final class BolnaRequests {
  static final TenantId TENANT = TenantId.of("acme");
  static final CampaignId CAMPAIGN = CampaignId.of("campaign-1");
  static final LeadId LEAD = LeadId.of("lead-1");
  static final CallId CALL = CallId.forAttempt(LEAD, 1);
  static final PhoneNumber FROM = PhoneNumber.of("+14155550100");
  static final PhoneNumber TO = PhoneNumber.of("+14155550123");

  private BolnaRequests() {}

  static DialRequest dial(Agent agent) {
    return new DialRequest(
        CALL,
        TENANT,
        CAMPAIGN,
        FROM,
        TO,
        agent,
        Map.of("dialkit_provider", "bolna", "dialkit_tenant", "acme", "dialkit_call", CALL.value()),
        Duration.ofSeconds(30),
        Duration.ofMinutes(10),
        true,
        true);
  }

  static Call call(String executionId, CallStatus status) {
    Instant created = Instant.parse("2025-03-03T10:00:00Z");
    return new Call(
            CALL,
            TENANT,
            CAMPAIGN,
            LEAD,
            1,
            "bolna",
            executionId,
            null,
            FROM,
            TO,
            CallStatus.INITIATED,
            created,
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
            created)
        .toBuilder().status(status).build();
  }

  static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  /** The cause a stage failed with. */
  static Throwable failure(CompletionStage<?> stage) throws Exception {
    try {
      stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      while (c instanceof java.util.concurrent.CompletionException && c.getCause() != null) {
        c = c.getCause();
      }
      return c;
    }
    throw new AssertionError("the stage completed normally");
  }
}
