package dev.dialkit.examples;

import com.sun.net.httpserver.HttpServer;
import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.WebhookResponse;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.provider.twilio.TwilioProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The quickstart with real calls: Twilio, the real clock, and a small webhook server, configured
 * from environment variables. It places real, billed calls; no test runs it.
 *
 * <pre>
 * TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN        the account (the token also verifies webhooks)
 * TWILIO_FROM_NUMBER                           a Twilio or verified caller id, E.164
 * TWILIO_ANSWER_URL or TWILIO_APPLICATION_SID  what answers: a TwiML URL, or an application
 * DIALKIT_TO_NUMBERS                           comma-separated E.164 numbers to dial
 * DIALKIT_CALLBACK_BASE_URL                    the public https URL of this machine's port,
 *                                              e.g. https://example.ngrok-free.app
 * DIALKIT_WEBHOOK_PORT                         the local port (default 8080)
 * </pre>
 */
final class TwilioLive {
  private static final TenantId TENANT = TenantId.of("live");
  private static final String ROUTE = "/webhooks/twilio";

  private TwilioLive() {}

  static void run(CampaignStore store) throws IOException, InterruptedException {
    URI publicBase = URI.create(env("DIALKIT_CALLBACK_BASE_URL"));
    TwilioProvider twilio =
        TwilioProvider.builder()
            .accountSid(env("TWILIO_ACCOUNT_SID"))
            .authToken(env("TWILIO_AUTH_TOKEN"))
            .callbackBaseUrl(publicBase.resolve(ROUTE).toString())
            .publicBaseUrl(publicBase.toString())
            .build();
    List<NewLead> leads = new ArrayList<>();
    for (String number : env("DIALKIT_TO_NUMBERS").split(",")) {
      leads.add(NewLead.of(number.strip()));
    }
    Agent agent =
        System.getenv("TWILIO_APPLICATION_SID") != null
            ? Agent.application(System.getenv("TWILIO_APPLICATION_SID"))
            : Agent.answerUrl(env("TWILIO_ANSWER_URL"));
    int port = Integer.parseInt(System.getenv().getOrDefault("DIALKIT_WEBHOOK_PORT", "8080"));

    CountDownLatch done = new CountDownLatch(1);
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    try (CampaignDialer dialer =
        CampaignDialer.builder()
            .store(store)
            .provider(twilio)
            .concurrency(ConcurrencyPolicy.builder().global(1).perTenant(1).build())
            .listener(
                event -> {
                  if (event instanceof dev.dialkit.campaign.DialkitEvent.CampaignCompleted) {
                    done.countDown();
                  }
                })
            .build()) {
      route(server, dialer, publicBase);
      server.start();
      dialer.start();
      CampaignId id =
          dialer
              .campaigns()
              .create(
                  TENANT,
                  CampaignSpec.builder()
                      .name("Live Twilio quickstart")
                      .agent(agent)
                      .callerIds(env("TWILIO_FROM_NUMBER"))
                      .build());
      dialer.leads().add(TENANT, id, leads);
      dialer.campaigns().start(TENANT, id);
      System.out.println("dialing " + leads.size() + " number(s); webhooks on port " + port);
      while (!done.await(5, TimeUnit.SECONDS)) {
        CampaignProgress p = dialer.campaigns().progress(TENANT, id);
        System.out.printf(
            "%s: %d of %d finished, %d in progress%n",
            p.status(), p.finished(), p.total(), p.inProgress());
      }
      CampaignProgress p = dialer.campaigns().progress(TENANT, id);
      QuickstartResult result =
          new QuickstartResult(p, CallTimeline.samples(dialer, TENANT, id), p.elapsed());
      System.out.print(QuickstartReport.summary(result));
      System.out.print(QuickstartReport.timelines(result));
      if (p.status() != CampaignStatus.COMPLETED) {
        System.out.println("campaign ended as " + p.status());
      }
    } finally {
      server.stop(0);
    }
  }

  /** Passes every request on the webhook route to Dialkit, as Twilio called it (public URL). */
  private static void route(HttpServer server, CampaignDialer dialer, URI publicBase) {
    server.createContext(
        ROUTE,
        exchange -> {
          try (exchange) {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            URI url = publicBase.resolve(exchange.getRequestURI().toString());
            Map<String, List<String>> headers = exchange.getRequestHeaders();
            WebhookResponse response =
                dialer
                    .webhooks()
                    .handle(new WebhookRequest(exchange.getRequestMethod(), url, headers, body));
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
              }
            }
          } catch (IOException e) {
            // the caller hung up; Twilio retries what it was not answered
          }
        });
  }

  private static String env(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("environment variable " + name + " is required");
    }
    return value;
  }
}
