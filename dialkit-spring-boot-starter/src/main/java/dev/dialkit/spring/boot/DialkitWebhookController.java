package dev.dialkit.spring.boot;

import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.WebhookResponse;
import dev.dialkit.spring.boot.internal.WebhookRequestReader;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Takes providers' status callbacks at {@code ${dialkit.webhooks.path}/{provider}} (default {@code
 * /dialkit/webhooks/{provider}}) and answers exactly what {@link
 * dev.dialkit.campaign.Webhooks#handle} answers. The routing is in the callback URL's query ({@code
 * dialkit_call}, {@code dialkit_tenant}, {@code dialkit_provider}); the path's provider segment is
 * for people reading logs. The body is handed over raw (signatures cover it), bounded by {@code
 * dialkit.max-webhook-body-bytes}: a larger one gets 413 without being read.
 */
@RestController
public class DialkitWebhookController {
  private static final Logger log = LoggerFactory.getLogger(DialkitWebhookController.class);

  private final CampaignDialer dialer;
  private final WebhookRequestReader requests;

  public DialkitWebhookController(CampaignDialer dialer, DialkitProperties properties) {
    this.dialer = dialer;
    this.requests =
        new WebhookRequestReader(
            properties.getPublicBaseUrl(),
            properties.getWebhooks().isTrustForwardedHeaders(),
            properties.getMaxWebhookBodyBytes());
  }

  /** Every method: providers POST, but some can be set to GET. */
  @RequestMapping("${dialkit.webhooks.path:/dialkit/webhooks}/{provider}")
  public ResponseEntity<byte[]> handle(HttpServletRequest request) {
    WebhookRequest webhook;
    try {
      webhook = requests.from(request);
    } catch (WebhookRejectedException e) {
      // too large (413, unread) or no valid URL (400): nothing to verify a signature against
      return answer(WebhookResponse.rejected(e));
    } catch (IOException e) {
      log.debug("Dialkit webhook: the request body could not be read", e);
      return answer(new WebhookResponse(400, null, "the request body could not be read"));
    }
    return answer(dialer.webhooks().handle(webhook));
  }

  private static ResponseEntity<byte[]> answer(WebhookResponse response) {
    return ResponseEntity.status(response.status())
        .contentType(MediaType.parseMediaType(response.contentType()))
        .body(response.body().getBytes(StandardCharsets.UTF_8));
  }
}
