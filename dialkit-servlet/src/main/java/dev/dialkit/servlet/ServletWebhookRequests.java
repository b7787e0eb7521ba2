package dev.dialkit.servlet;

import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRejectedException.Reason;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.WebhookResponse;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.servlet.internal.ForwardedHeaders;
import dev.dialkit.servlet.internal.PublicBase;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a {@link WebhookRequest} from a servlet request, for any framework on Jakarta Servlet
 * (Spring MVC, Jersey, a plain servlet): {@link WebhookServlet} is these two calls and {@code
 * Webhooks.handle}.
 *
 * <pre>{@code
 * URI url = ServletWebhookRequests.publicUrl(request, URI.create("https://calls.example.com"), false);
 * WebhookRequest webhook = ServletWebhookRequests.from(request, url, 64 * 1024);
 * WebhookResponse answer = dialer.webhooks().handle(webhook);
 * }</pre>
 *
 * <p>The body is read raw from the input stream, never through {@code getParameter} (which would
 * decode and consume a form body before its signature is checked); the query string is kept as
 * received, since signatures cover it byte for byte; every value of every header is kept.
 */
public final class ServletWebhookRequests {
  private static final Logger log = LoggerFactory.getLogger(ServletWebhookRequests.class);

  private ServletWebhookRequests() {}

  /**
   * The whole exchange but writing the answer, for a framework that writes responses its own way (a
   * Spring MVC controller returns it as a {@code ResponseEntity}): {@link #publicUrl}, {@link
   * #from}, then {@code webhooks.handle}. A request refused here (bad URL 400, body too large 413)
   * is answered as Dialkit answers a refusal; a {@code Webhooks} that throws, against its contract,
   * is logged and answered 500.
   *
   * @throws IOException only if the body cannot be read (the client went away): nothing to answer
   */
  public static WebhookResponse handle(
      Webhooks webhooks,
      HttpServletRequest request,
      URI publicBaseUrl,
      boolean trustForwardedHeaders,
      int maxBytes)
      throws IOException {
    return handle(
        webhooks,
        request,
        PublicBase.of("publicBaseUrl", publicBaseUrl),
        trustForwardedHeaders,
        maxBytes);
  }

  static WebhookResponse handle(
      Webhooks webhooks,
      HttpServletRequest request,
      PublicBase base,
      boolean trustForwarded,
      int maxBytes)
      throws IOException {
    try {
      URI url = publicUrl(request, base, trustForwarded);
      return webhooks.handle(from(request, url, maxBytes));
    } catch (WebhookRejectedException e) {
      // refused before Dialkit saw it: the message is Dialkit's, escaped, not the request's text
      log.warn("webhook rejected ({} {}): {}", e.httpStatus(), e.reason(), e.getMessage());
      return WebhookResponse.rejected(e);
    } catch (RuntimeException e) {
      // Webhooks.handle never throws: this is a bug, not the client's input
      log.error("webhook not handled: unexpected failure; answered 500", e);
      return new WebhookResponse(500, null, "internal error");
    }
  }

  /**
   * Checks a public base URL once, where the host configures it, with the same rules {@link
   * #publicUrl} applies: absolute {@code http(s)} with a host, no query, no fragment, no user info.
   *
   * @return {@code url}
   * @throws InvalidConfigurationException naming {@code field} otherwise (the value is not echoed
   *     when it has user info)
   */
  public static URI checkPublicBaseUrl(String field, URI url) {
    PublicBase.of(field, url);
    return url;
  }

  /**
   * The URL the provider called: {@code publicBaseUrl} (scheme, host, port and any path prefix the
   * proxy strips) followed by the request's raw path (context path included) and raw query. With
   * {@code trustForwardedHeaders}, a proxy's well-formed {@code Forwarded} or {@code X-Forwarded-*}
   * headers replace the parts they name; trust them only behind a proxy that sets them, since any
   * client can send them.
   *
   * @throws WebhookRejectedException ({@link Reason#MALFORMED}, 400) if the path or the query is
   *     not a valid URL part (a provider never sends that)
   */
  public static URI publicUrl(
      HttpServletRequest request, URI publicBaseUrl, boolean trustForwardedHeaders) {
    PublicBase base = PublicBase.of("publicBaseUrl", publicBaseUrl);
    return publicUrl(request, base, trustForwardedHeaders);
  }

  static URI publicUrl(HttpServletRequest request, PublicBase base, boolean trustForwarded) {
    PublicBase effective = trustForwarded ? base.with(ForwardedHeaders.of(request)) : base;
    try {
      return new URI(effective.url(request.getRequestURI(), request.getQueryString()));
    } catch (URISyntaxException e) {
      throw new WebhookRejectedException(
          Reason.MALFORMED, "the request's path or query is not a valid URL");
    }
  }

  /**
   * The request as Dialkit's {@link WebhookRequest}: its method, {@code publicUrl}, every header
   * with every value, and the raw body decoded as UTF-8.
   *
   * @param maxBytes the largest body read; a larger one is refused from its {@code Content-Length}
   *     without reading it, or after reading {@code maxBytes + 1} bytes when it has none
   * @throws WebhookRejectedException ({@link Reason#TOO_LARGE}, 413) if the body is larger
   * @throws IOException if the body cannot be read (the client went away)
   */
  public static WebhookRequest from(HttpServletRequest request, URI publicUrl, int maxBytes)
      throws IOException {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be >= 0, was " + maxBytes);
    }
    byte[] body = body(request, maxBytes);
    try {
      return new WebhookRequest(
          request.getMethod(),
          publicUrl,
          headers(request),
          new String(body, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new WebhookRejectedException(Reason.MALFORMED, "the request is not a valid webhook");
    }
  }

  private static byte[] body(HttpServletRequest request, int maxBytes) throws IOException {
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      throw tooLarge(declared + " bytes", maxBytes);
    }
    // the container owns the stream: read from it, never close it
    InputStream in = request.getInputStream();
    byte[] body = in.readNBytes(maxBytes == Integer.MAX_VALUE ? maxBytes : maxBytes + 1);
    if (body.length > maxBytes) {
      throw tooLarge("more than " + maxBytes + " bytes", maxBytes);
    }
    return body;
  }

  private static WebhookRejectedException tooLarge(String size, int maxBytes) {
    return new WebhookRejectedException(
        Reason.TOO_LARGE, "body of " + size + " exceeds the cap of " + maxBytes);
  }

  private static Map<String, List<String>> headers(HttpServletRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    Enumeration<String> names = request.getHeaderNames();
    if (names == null) {
      return headers; // a container may withhold them
    }
    for (String name : Collections.list(names)) {
      Enumeration<String> values = request.getHeaders(name);
      List<String> all = headers.computeIfAbsent(name, n -> new ArrayList<>());
      if (values != null) {
        for (String value : Collections.list(values)) {
          if (value != null) {
            all.add(value);
          }
        }
      }
    }
    return headers;
  }
}
