package dev.dialkit.provider.sanspbx;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLog;
import dev.dialkit.campaign.CallingWindow;
import dev.dialkit.campaign.Calls;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.Campaigns;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.Leads;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.Suppressions;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.testkit.JazzerChoices;
import dev.dialkit.testkit.ManualScheduler;
import dev.dialkit.testkit.WebhookFuzzer;
import dev.dialkit.testkit.internal.fuzz.BlockingProvider;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the whole webhook path through SansPBX: its post-call webhooks for
 * calls placed by a real dialer (through WireMock) in two tenants that share one account, mutated
 * and "signed" or not as Jazzer chooses. The properties are {@link WebhookFuzzer}'s.
 *
 * <p>SansPBX signs nothing; what authenticates a webhook is Dialkit's own token in the callback
 * URL. The fuzzer signs with headers, so here the URL the fuzzer sees has no token, its signer puts
 * the token of the call the URL names in a header, and the dialer under test moves that header back
 * into the URL: "unsigned" then means "without Dialkit's token". (FuzzWorld cannot be used as it
 * is: it builds its dialer without a callback secret.)
 *
 * <p>In the build's {@code fuzz} execution this fuzzes for {@code dialkit.fuzz.duration}; elsewhere
 * it replays the saved findings in {@code SansPbxWebhookFuzzTestInputs}.
 */
class SansPbxWebhookFuzzTest {
  private static final String TOKEN_HEADER = "X-Fuzz-Dialkit-Token";
  private static final List<String> DISPOSITIONS =
      List.of("ANSWER", "NOANSWER", "BUSY", "FAILED", "CANCEL", "CONGESTION", "answer");

  private static SansPbxWireMockFixture fx;
  private static CampaignDialer dialer;
  private static WebhookFuzzer fuzzer;
  private static final Map<Call, URI> urls = new LinkedHashMap<>();
  private static final Map<String, String> tokens = new HashMap<>();

  @BeforeAll
  static void twoCallsInEachOfTwoTenants() {
    fx = new SansPbxWireMockFixture();
    ManualScheduler scheduler = new ManualScheduler(fx.clock);
    SansPbxProvider provider = fx.builder().numberFormats(SansPbxNumberFormats.DEFAULT).build();
    dialer =
        CampaignDialer.builder()
            .store(CampaignStore.inMemory())
            .provider(new BlockingProvider(provider))
            .callbackSecret("a-callback-secret-of-32-characters!!")
            .concurrency(ConcurrencyPolicy.builder().global(4).perTenant(2).build())
            .clock(fx.clock)
            .scheduler(scheduler)
            .listenerExecutor(scheduler)
            .instanceId("fuzz")
            .build();
    dialer.start();
    List<Call> calls = new ArrayList<>();
    for (TenantId tenant : List.of(TenantId.of("acme"), TenantId.of("beta"))) {
      CampaignId campaign =
          dialer
              .campaigns()
              .create(
                  tenant,
                  CampaignSpec.builder()
                      .name("fuzz")
                      .agent(Agent.application("6"))
                      .callerIds("+911246745647")
                      .callingWindow(CallingWindow.always())
                      .build());
      dialer.campaigns().start(tenant, campaign);
      for (int i = 0; i < 2; i++) {
        int index = calls.size();
        fx.stubCreateAccepted(SansPbxPayloads.callId("0987654321" + index, 1772463600000L));
        dialer.leads().add(tenant, campaign, List.of(NewLead.of("+91987654321" + index)));
        scheduler.runUntil(() -> placed(tenant, campaign, calls) != null);
        Call call = placed(tenant, campaign, calls);
        calls.add(call);
        URI url = fx.callbackUrlsSent().get(0);
        WebhookRequest asReceived = new WebhookRequest("POST", url, Map.of(), "");
        tokens.put(
            key(tenant.value(), call.id().value()),
            asReceived.queryParameter(Webhooks.TOKEN_PARAMETER));
        urls.put(call, withoutToken(url));
      }
    }
    WebhookFuzzer.Builder b =
        WebhookFuzzer.builder()
            .dialer(new TokenFromHeader(dialer))
            .calls(calls)
            .callbackUrl(urls::get)
            .contentType("application/json")
            .signer(SansPbxWebhookFuzzTest::sign, TOKEN_HEADER);
    for (String disposition : DISPOSITIONS) {
      b.payload(
          call ->
              SansPbxPayloads.webhook(
                  disposition, "1728505015.6351", "/monitor/" + call.id().value() + ".wav"));
    }
    fuzzer = b.build();
  }

  private static Call placed(TenantId tenant, CampaignId campaign, List<Call> known) {
    return dialer.calls().active(tenant, campaign).stream()
        .filter(c -> c.providerCallId() != null)
        .filter(c -> known.stream().noneMatch(k -> k.id().equals(c.id())))
        .findFirst()
        .orElse(null);
  }

  private static String key(String tenant, String call) {
    return tenant + "|" + call;
  }

  private static URI withoutToken(URI url) {
    String query = url.getRawQuery();
    List<String> kept = new ArrayList<>();
    for (String pair : query.split("&")) {
      if (!pair.startsWith(Webhooks.TOKEN_PARAMETER + "=")) {
        kept.add(pair);
      }
    }
    return URI.create(
        url.getScheme()
            + "://"
            + url.getRawAuthority()
            + url.getRawPath()
            + "?"
            + String.join("&", kept));
  }

  /** Dialkit's token for the call the URL names, in a header; none for a call it never made. */
  private static Map<String, List<String>> sign(URI url, String body) {
    try {
      WebhookRequest r = new WebhookRequest("POST", url, Map.of(), "");
      String token =
          tokens.get(
              key(
                  r.queryParameter(Webhooks.TENANT_PARAMETER),
                  r.queryParameter(Webhooks.CALL_PARAMETER)));
      return token == null ? Map.of() : Map.of(TOKEN_HEADER, List.of(token));
    } catch (IllegalArgumentException e) {
      return Map.of();
    }
  }

  @AfterAll
  static void close() {
    System.out.printf(
        "%s: %d webhooks handled, by status %s%n",
        "SansPBX webhook fuzz", fuzzer.requests(), new java.util.TreeMap<>(fuzzer.statuses()));
    dialer.close();
    fx.close();
  }

  @FuzzTest(maxDuration = "30s")
  void webhookPath(FuzzedDataProvider data) {
    fuzzer.exercise(new JazzerChoices(data));
  }

  /** The dialer, with the fuzz signer's header moved into the URL as Dialkit's token. */
  private record TokenFromHeader(CampaignDialer inner) implements CampaignDialer {
    @Override
    public dev.dialkit.campaign.DialerHealth health() {
      return inner.health();
    }

    @Override
    public Webhooks webhooks() {
      return request -> inner.webhooks().handle(moved(request));
    }

    private static WebhookRequest moved(WebhookRequest request) {
      String token = request.header(TOKEN_HEADER);
      Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
      headers.remove(TOKEN_HEADER);
      URI url = request.url();
      if (token != null) {
        String u = url.toString();
        int hash = u.indexOf('#');
        String fragment = hash < 0 ? "" : u.substring(hash);
        String base = hash < 0 ? u : u.substring(0, hash);
        try {
          url =
              URI.create(
                  base
                      + (url.getRawQuery() == null ? "?" : "&")
                      + Webhooks.TOKEN_PARAMETER
                      + "="
                      + URLEncoder.encode(token, StandardCharsets.UTF_8)
                      + fragment);
        } catch (IllegalArgumentException e) {
          // a URL the token cannot be added to goes on without it: unsigned
        }
      }
      return new WebhookRequest(request.method(), url, headers, request.body());
    }

    @Override
    public void start() {
      inner.start();
    }

    @Override
    public void close() {
      inner.close();
    }

    @Override
    public String instanceId() {
      return inner.instanceId();
    }

    @Override
    public Campaigns campaigns() {
      return inner.campaigns();
    }

    @Override
    public Leads leads() {
      return inner.leads();
    }

    @Override
    public Suppressions suppressions() {
      return inner.suppressions();
    }

    @Override
    public Calls calls() {
      return inner.calls();
    }

    @Override
    public CallLog callLog() {
      return inner.callLog();
    }
  }
}
