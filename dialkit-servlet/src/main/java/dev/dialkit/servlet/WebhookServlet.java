package dev.dialkit.servlet;

import dev.dialkit.campaign.CampaignDialerBuilder;
import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.WebhookResponse;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.servlet.internal.PublicBase;
import dev.dialkit.servlet.internal.Required;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes providers' status callbacks in any servlet container and hands them to {@link
 * Webhooks#handle}: map it to the route in the providers' callback base URLs.
 *
 * <pre>{@code
 * WebhookServlet servlet = WebhookServlet.builder()
 *     .webhooks(dialer.webhooks())
 *     .publicBaseUrl("https://calls.example.com")   // what the providers call
 *     .build();
 * context.addServlet("dialkit", servlet).addMapping("/dialkit/webhooks/*");
 * }</pre>
 *
 * <p>GET and POST are handled (Twilio and Plivo can call back with either); any other method is
 * answered 405. The answer is {@code Webhooks.handle}'s: 200, or 400, 403, 404, 413 for a request
 * it refuses, 503 for a store that is down. A body over {@link Builder#maxBodyBytes} is 413 without
 * being read past the limit. Nothing a client sends makes this servlet throw or answer 500; a
 * client that goes away mid-request is logged at DEBUG.
 */
public final class WebhookServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(WebhookServlet.class);

  /** {@value}: the default {@link Builder#maxBodyBytes}, the dialer's own default cap. */
  public static final int DEFAULT_MAX_BODY_BYTES =
      CampaignDialerBuilder.DEFAULT_MAX_WEBHOOK_BODY_BYTES;

  /** {@value}: the smallest {@link Builder#maxBodyBytes}. */
  public static final int MIN_MAX_BODY_BYTES = 1024;

  /** {@value}: the largest {@link Builder#maxBodyBytes} (16 MiB), as the dialer allows. */
  public static final int MAX_MAX_BODY_BYTES = 16 * 1024 * 1024;

  private final transient Webhooks webhooks;
  private final PublicBase publicBase;
  private final int maxBodyBytes;
  private final boolean trustForwardedHeaders;

  private WebhookServlet(Builder b) {
    this.webhooks = b.webhooks;
    this.publicBase = b.publicBase;
    this.maxBodyBytes = b.maxBodyBytes;
    this.trustForwardedHeaders = b.trustForwardedHeaders;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) {
    String method = request.getMethod();
    if (!"POST".equals(method) && !"GET".equals(method)) {
      response.setHeader("Allow", "GET, POST");
      write(response, new WebhookResponse(405, null, "only GET and POST are accepted"));
      return;
    }
    WebhookResponse answer;
    try {
      answer =
          ServletWebhookRequests.handle(
              webhooks, request, publicBase, trustForwardedHeaders, maxBodyBytes);
    } catch (IOException e) {
      log.debug("webhook request not read, the client went away: {}", e.getClass().getName());
      return;
    }
    if (answer.status() == 413) {
      response.setHeader("Connection", "close"); // the rest of the body is not read
    }
    write(response, answer);
  }

  private static void write(HttpServletResponse response, WebhookResponse answer) {
    if (response.isCommitted()) {
      return;
    }
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    response.setStatus(answer.status());
    response.setContentType(answer.contentType());
    response.setContentLength(body.length);
    // a rejection echoes escaped request text: never let a browser read it as HTML
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "no-store");
    try {
      response.getOutputStream().write(body);
    } catch (IOException e) {
      log.debug("webhook answer not sent, the client went away: {}", e.getClass().getName());
    }
  }

  @Override
  public String toString() {
    return "WebhookServlet[publicBaseUrl="
        + publicBase.url("", null)
        + ", maxBodyBytes="
        + maxBodyBytes
        + ", trustForwardedHeaders="
        + trustForwardedHeaders
        + "]";
  }

  /** Builds a {@link WebhookServlet}; every setter checks its value. */
  public static final class Builder {
    private Webhooks webhooks;
    private PublicBase publicBase;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private boolean trustForwardedHeaders;

    private Builder() {}

    /** The dialer's webhooks ({@code dialer.webhooks()}). Required. */
    public Builder webhooks(Webhooks webhooks) {
      this.webhooks = Required.check("webhooks", webhooks);
      return this;
    }

    /**
     * Where the providers reach this host: scheme, host, port, and the path prefix a proxy strips
     * before the request reaches the container, if any ({@code https://calls.example.com}, {@code
     * https://example.com/api}). The request's own path (context path included) and query are put
     * under it to make the URL the provider called and signed, which a servlet behind a proxy or a
     * tunnel cannot see. Absolute http(s), no query, fragment or user info. Required.
     */
    public Builder publicBaseUrl(URI url) {
      this.publicBase = PublicBase.of("publicBaseUrl", url);
      return this;
    }

    /** As {@link #publicBaseUrl(URI)}. */
    public Builder publicBaseUrl(String url) {
      Required.check("publicBaseUrl", url);
      try {
        return publicBaseUrl(new URI(url));
      } catch (java.net.URISyntaxException e) {
        throw new InvalidConfigurationException("publicBaseUrl", url, "must be a valid URL");
      }
    }

    /**
     * The largest body read; larger is answered 413. Default {@link #DEFAULT_MAX_BODY_BYTES} (64
     * KiB), {@value #MIN_MAX_BODY_BYTES} to {@value #MAX_MAX_BODY_BYTES}. The dialer checks its own
     * {@code maxWebhookBodyBytes} as well: keep the two alike.
     */
    public Builder maxBodyBytes(int bytes) {
      if (bytes < MIN_MAX_BODY_BYTES || bytes > MAX_MAX_BODY_BYTES) {
        throw new InvalidConfigurationException(
            "maxBodyBytes",
            bytes,
            "must be between " + MIN_MAX_BODY_BYTES + " and " + MAX_MAX_BODY_BYTES);
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /**
     * Whether a proxy's {@code Forwarded} / {@code X-Forwarded-Proto}, {@code -Host}, {@code -Port}
     * and {@code -Prefix} headers replace the parts of {@link #publicBaseUrl} they name. Default
     * {@code false}: any client can send them, so turn this on only behind a proxy that sets them
     * itself.
     */
    public Builder trustForwardedHeaders(boolean trust) {
      this.trustForwardedHeaders = trust;
      return this;
    }

    /**
     * @throws InvalidConfigurationException if {@code webhooks} or {@code publicBaseUrl} is not set
     */
    public WebhookServlet build() {
      Required.check("webhooks", webhooks);
      Required.check("publicBaseUrl", publicBase);
      return new WebhookServlet(this);
    }
  }
}
