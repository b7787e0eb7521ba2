package dev.dialkit.examples.dashboard.events;

import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.examples.dashboard.api.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/events?tenant=...[&campaign=...]}: Dialkit's events of one tenant, optionally of
 * one campaign, as server-sent events named by type ({@code CallUpdated}, {@code
 * ProgressUpdated}...) with the event as JSON. The tenant is a query parameter here, not the API's
 * header, because browsers open event streams without custom headers.
 */
@RestController
class EventStreamController {
  private final EventBroadcaster broadcaster;
  private final EventStreamSettings settings;

  EventStreamController(EventBroadcaster broadcaster, EventStreamSettings settings) {
    this.broadcaster = broadcaster;
    this.settings = settings;
  }

  @GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events(
      @RequestParam(required = false) String tenant,
      @RequestParam(required = false) String campaign) {
    TenantId tenantId = parse("tenant", tenant, TenantId::of);
    CampaignId campaignId = campaign == null ? null : parse("campaign", campaign, CampaignId::of);
    SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
    Subscriber subscriber = new Subscriber(tenantId, campaignId, emitter, settings.queueCapacity());
    if (!broadcaster.add(subscriber)) {
      throw new ResponseStatusException(
          HttpStatus.SERVICE_UNAVAILABLE, "too many event streams open; try again later");
    }
    emitter.onCompletion(() -> broadcaster.remove(subscriber));
    emitter.onTimeout(() -> broadcaster.remove(subscriber));
    emitter.onError(e -> broadcaster.remove(subscriber));
    return emitter;
  }

  private static <T> T parse(String field, String value, java.util.function.Function<String, T> f) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException(field, "the " + field + " query parameter is required");
    }
    try {
      return f.apply(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(field, e.getMessage());
    }
  }
}
