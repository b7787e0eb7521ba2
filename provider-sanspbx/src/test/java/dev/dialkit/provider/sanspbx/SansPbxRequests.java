package dev.dialkit.provider.sanspbx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.campaign.spi.DialRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** Dial requests for Indian numbers, and waiting on the provider's stages (bounded, no sleeps). */
final class SansPbxRequests {
  static final TenantId TENANT = TenantId.of("acme");

  /** A Gurgaon landline: STD code 124, DID 6745647. */
  static final PhoneNumber FROM = PhoneNumber.of("+911246745647");

  static final PhoneNumber TO = PhoneNumber.of("+919876543210");

  private final SansPbxWireMockFixture fx;
  private final AtomicInteger attempts = new AtomicInteger();

  SansPbxRequests(SansPbxWireMockFixture fx) {
    this.fx = fx;
  }

  /** A dial request of {@link #TENANT} to {@link #TO}, each with a call id of its own. */
  DialRequest dial() {
    return dial(TENANT, fx.agent());
  }

  DialRequest dial(TenantId tenant, Agent agent) {
    CallId id = CallId.forAttempt(LeadId.of("lead-1"), attempts.incrementAndGet());
    Map<String, String> params = new LinkedHashMap<>();
    params.put(Webhooks.PROVIDER_PARAMETER, "sanspbx");
    params.put(Webhooks.TENANT_PARAMETER, tenant.value());
    params.put(Webhooks.CALL_PARAMETER, id.value());
    params.put(Webhooks.TOKEN_PARAMETER, "dialkit-signed");
    return new DialRequest(
        id,
        tenant,
        CampaignId.of("campaign-1"),
        FROM,
        TO,
        agent,
        params,
        Duration.ofSeconds(30),
        Duration.ofMinutes(10),
        false,
        false);
  }

  <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("stage failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("stage did not complete", e);
    }
  }

  ProviderException failure(CompletionStage<?> stage) {
    try {
      Object value = stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
      return fail("expected a ProviderException, the stage completed with " + value);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      while (cause instanceof CompletionException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      assertThat(cause).isInstanceOf(ProviderException.class);
      return (ProviderException) cause;
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("stage did not complete", e);
    }
  }
}
