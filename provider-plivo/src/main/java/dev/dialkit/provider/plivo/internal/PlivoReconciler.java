package dev.dialkit.provider.plivo.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Plivo call of a create request whose answer was lost (an ambiguous create: no {@code
 * request_uuid}) or whose {@code CallUUID} never came, by destination and caller id, in the order a
 * call moves through Plivo, so that a call moving while it is searched for is seen at least once:
 *
 * <ol>
 *   <li><b>queued</b> requests: {@code GET Call/?status=queued&limit=20&offset=…} (ids only; no
 *       number filter exists: plivo-python {@code QueuedCalls.list_ids}, plivo-java {@code
 *       queuedCallListGet}, plivo-go {@code QueuedCallService.IDList}), each read with {@code GET
 *       Call/{id}/?status=queued} ({@code from}, {@code to}, {@code request_uuid});
 *   <li><b>live</b> calls: {@code GET
 *       Call/?status=live&call_direction=outbound&from_number=…&to_number=…&limit=20&offset=…} (ids
 *       only: plivo-python {@code LiveCalls.list_ids}, plivo-go {@code LiveCallFilters}), each read
 *       with {@code GET Call/{id}/?status=live} ({@code call_status}, {@code from}, {@code to},
 *       {@code request_uuid});
 *   <li><b>ended</b> calls, the call detail records: {@code GET
 *       Call/?call_direction=outbound&from_number=…&to_number=…&end_time__gte=…&limit=20&offset=…}
 *       (plivo-python {@code Calls.list}; Plivo's "Retrieve all calls": number filters match "the
 *       exact number or the prefix", {@code end_time} filters take UTC {@code YYYY-MM-DD
 *       HH:MM[:ss]}), {@code end_time__gte} = the permit time minus {@link #SKEW}.
 * </ol>
 *
 * <p>Numbers are compared exactly (Plivo's filters also match prefixes; a leading {@code +} is
 * ignored, Plivo's own fixtures show both forms); a record of an inbound call is not a candidate. A
 * record is left out as an earlier attempt's only when its {@code end_time} carries an offset and
 * lies more than a second before Dialkit created the call; a time without an offset is in the
 * console's zone, which may be misconfigured, and leaving Dialkit's own call out would dial the
 * lead twice. One call seen in several lists (queued, then live, then ended) is one candidate,
 * recognised by its {@code call_uuid} or {@code request_uuid}.
 *
 * <p><b>Answers</b>: one candidate → its update (a queued request as INITIATED with raw status
 * {@code queued} and only its {@code request_uuid}, so that Dialkit records the id: Dialkit's
 * INITIATED already means "sent", and QUEUED after it would be dropped as going backwards; a live
 * call as RINGING/ANSWERED with its {@code CallUUID}; a record as {@link PlivoCallResource#ended}).
 * Several → an ambiguous {@link ProviderException}, logged once per call: never a guess. None →
 * empty only when both sightings say so: no candidate in a search made at least {@code window}
 * after the permit, and again in a search at least {@code window} after that one, by this instance.
 * The first covers a request still on its way into Plivo's queue, the second a call that ended
 * between the live search and the record search but was not yet in the records (Plivo does not
 * document how soon a call's record is listed). Until then, and whenever a list could not be read
 * completely (more than {@link #MAX_IDS} queued or live calls, more than {@link #MAX_PAGES} pages
 * of records), the answer is an ambiguous failure: the call stays unknown, which costs a watchdog
 * timeout, rather than risking a second call to the lead.
 *
 * <p>With a known {@code request_uuid} a candidate naming another {@code request_uuid} is not
 * Dialkit's, one naming the same is, and none is never taken as "not placed" (Plivo accepted the
 * request).
 */
public final class PlivoReconciler {
  private static final Logger log = LoggerFactory.getLogger(PlivoReconciler.class);

  /**
   * Clock skew allowed between Dialkit and Plivo: the record search starts this long before the
   * permit.
   */
  public static final Duration SKEW = Duration.ofMinutes(2);

  /** Plivo's page size for every list (its maximum). */
  static final int PAGE = 20;

  /** Pages of records read at most; past them the search is inconclusive. */
  public static final int MAX_PAGES = 5;

  /** Queued plus live calls read one by one at most; past them the search is inconclusive. */
  public static final int MAX_IDS = 40;

  /** Calls remembered at once (first empty sighting, ambiguity logged). */
  private static final int MAX_REMEMBERED = 10_000;

  private static final DateTimeFormatter UTC_FILTER =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final String provider;
  private final PlivoHttp http;
  private final ZoneId zone;
  private final Clock clock;
  private final Duration window;
  private final Map<CallId, Instant> emptySince = new ConcurrentHashMap<>();
  private final Set<CallId> loggedAmbiguous = ConcurrentHashMap.newKeySet();

  public PlivoReconciler(
      String provider, PlivoHttp http, ZoneId zone, Clock clock, Duration window) {
    this.provider = provider;
    this.http = http;
    this.zone = zone;
    this.clock = clock;
    this.window = window;
  }

  /** One call found in one of Plivo's lists. */
  private record Candidate(
      String callUuid, String requestUuid, String stage, CallStatusUpdate update) {
    boolean same(Candidate o) {
      return (callUuid != null && (callUuid.equals(o.callUuid) || callUuid.equals(o.requestUuid)))
          || (requestUuid != null
              && (requestUuid.equals(o.requestUuid) || requestUuid.equals(o.callUuid)));
    }
  }

  /** What one search collected. */
  private static final class Search {
    final List<Candidate> found = new ArrayList<>();
    int idsRead;
    String incomplete;

    void add(Candidate c) {
      for (int i = 0; i < found.size(); i++) {
        if (found.get(i).same(c)) {
          Candidate old = found.get(i);
          // the later stage knows more; keep ids either one knew
          found.set(
              i,
              new Candidate(
                  c.callUuid != null ? c.callUuid : old.callUuid,
                  c.requestUuid != null ? c.requestUuid : old.requestUuid,
                  c.stage,
                  c.update));
          return;
        }
      }
      found.add(c);
    }
  }

  /**
   * Searches Plivo for {@code call} (which has no {@code CallUUID}); {@code requestUuid} is its
   * request id or {@code null} after an ambiguous create.
   */
  public CompletableFuture<Optional<CallStatusUpdate>> find(Call call, String requestUuid) {
    Search search = new Search();
    String from = PlivoCallResource.number(call.from().e164());
    String to = PlivoCallResource.number(call.to().e164());
    Instant sent = call.sentAt() != null ? call.sentAt() : call.createdAt();
    String action = "find call " + call.id() + " by number";
    return queued(search, from, to, action, 0)
        .thenCompose(v -> live(search, from, to, action, 0))
        .thenCompose(v -> records(search, call, from, to, sent, action, 0))
        .thenApply(v -> decide(call, requestUuid, sent, search));
  }

  private Optional<CallStatusUpdate> decide(
      Call call, String requestUuid, Instant sent, Search search) {
    List<Candidate> found = search.found;
    if (requestUuid != null) {
      List<Candidate> same = found.stream().filter(c -> requestUuid.equals(c.requestUuid)).toList();
      found = !same.isEmpty() ? same : found.stream().filter(c -> c.requestUuid == null).toList();
    }
    if (found.size() == 1) {
      forget(call.id());
      log.debug(
          "call {}: found at Plivo among {} calls as {}",
          call.id(),
          found.get(0).stage,
          found.get(0).callUuid != null ? found.get(0).callUuid : found.get(0).requestUuid);
      return Optional.of(found.get(0).update);
    }
    if (found.size() > 1) {
      emptySince.remove(call.id());
      if (loggedAmbiguous.size() < MAX_REMEMBERED && loggedAmbiguous.add(call.id())) {
        log.warn(
            "call {}: {} Plivo calls from {} to {} match it; not guessing, it stays unknown",
            call.id(),
            found.size(),
            call.from(),
            call.to());
      }
      throw inconclusive(call, found.size() + " Plivo calls match; not guessing");
    }
    if (search.incomplete != null) {
      throw inconclusive(call, search.incomplete);
    }
    if (requestUuid != null) {
      throw inconclusive(
          call, "Plivo accepted request " + requestUuid + " but lists no call for it");
    }
    Instant now = clock.instant();
    if (now.isBefore(sent.plus(window))) {
      throw inconclusive(call, "not found yet; its request may still be on its way");
    }
    Instant first = emptySince.get(call.id());
    if (first == null) {
      if (emptySince.size() < MAX_REMEMBERED) {
        emptySince.put(call.id(), now);
      }
      throw inconclusive(call, "not found; asked again after " + window + " before concluding");
    }
    if (now.isBefore(first.plus(window))) {
      throw inconclusive(call, "not found; a second search is due at " + first.plus(window));
    }
    forget(call.id());
    log.info(
        "call {}: Plivo lists no such call, queued, live or ended, at {} and {}: never placed",
        call.id(),
        first,
        now);
    return Optional.empty();
  }

  private void forget(CallId id) {
    emptySince.remove(id);
    loggedAmbiguous.remove(id);
  }

  private ProviderException inconclusive(Call call, String why) {
    return new ProviderException(
        provider,
        "call " + call.id() + " cannot be settled at Plivo yet: " + why,
        0,
        null,
        FailureReason.PROVIDER_ERROR,
        false,
        true,
        null);
  }

  // ---- queued requests ------------------------------------------------------------------------

  private CompletableFuture<Void> queued(
      Search search, String from, String to, String action, int page) {
    String path = http.callsPath() + "?status=queued&limit=" + PAGE + "&offset=" + (page * PAGE);
    return ids(path, action)
        .thenCompose(
            ids ->
                readEach(
                        search,
                        ids,
                        id ->
                            resource(
                                http.callPath(id) + "?status=queued",
                                action,
                                json -> {
                                  if (!matches(json, "from", "to", "direction", from, to)) {
                                    return null;
                                  }
                                  String request = firstText(json, "request_uuid", id);
                                  return new Candidate(
                                      PlivoHttp.text(json, "call_uuid"),
                                      request,
                                      "queued",
                                      CallStatusUpdate.builder(CallStatus.INITIATED, "queued")
                                          .providerRequestId(request)
                                          .rawPayload(json.toString())
                                          .build());
                                }))
                    .thenCompose(
                        v ->
                            ids.size() < PAGE || search.incomplete != null
                                ? done()
                                : queued(search, from, to, action, page + 1)));
  }

  // ---- live calls -----------------------------------------------------------------------------

  private CompletableFuture<Void> live(
      Search search, String from, String to, String action, int page) {
    if (search.incomplete != null) {
      return done();
    }
    String path =
        http.callsPath()
            + "?status=live&call_direction=outbound&from_number="
            + enc(from)
            + "&to_number="
            + enc(to)
            + "&limit="
            + PAGE
            + "&offset="
            + (page * PAGE);
    return ids(path, action)
        .thenCompose(
            ids ->
                readEach(
                        search,
                        ids,
                        id ->
                            resource(
                                http.callPath(id) + "?status=live",
                                action,
                                json -> {
                                  if (!matches(json, "from", "to", "direction", from, to)) {
                                    return null;
                                  }
                                  CallStatusUpdate u =
                                      PlivoCallResource.live(json, json.toString());
                                  if (u.status() == CallStatus.UNKNOWN) {
                                    return null; // not a live state Dialkit knows: not evidence
                                  }
                                  return new Candidate(
                                      firstText(json, "call_uuid", id),
                                      PlivoHttp.text(json, "request_uuid"),
                                      "live",
                                      u.providerCallId() != null
                                          ? u
                                          : CallStatusUpdate.builder(u.status(), u.rawStatus())
                                              .providerCallId(id)
                                              .providerRequestId(u.providerRequestId())
                                              .rawPayload(json.toString())
                                              .build());
                                }))
                    .thenCompose(
                        v ->
                            ids.size() < PAGE || search.incomplete != null
                                ? done()
                                : live(search, from, to, action, page + 1)));
  }

  // ---- call detail records --------------------------------------------------------------------

  private CompletableFuture<Void> records(
      Search search, Call call, String from, String to, Instant sent, String action, int page) {
    if (search.incomplete != null) {
      return done();
    }
    if (page >= MAX_PAGES) {
      search.incomplete = "more than " + (MAX_PAGES * PAGE) + " call records to read";
      return done();
    }
    String path =
        http.callsPath()
            + "?call_direction=outbound&from_number="
            + enc(from)
            + "&to_number="
            + enc(to)
            + "&end_time__gte="
            + enc(UTC_FILTER.format(sent.minus(SKEW)))
            + "&limit="
            + PAGE
            + "&offset="
            + (page * PAGE);
    return http.get(path, action)
        .thenCompose(
            response -> {
              JsonNode body = ok(action, response);
              JsonNode objects = body.get("objects");
              if (objects == null || !objects.isArray()) {
                throw unreadable(action, response, "the call list has no objects");
              }
              for (JsonNode record : objects) {
                if (!record.isObject()
                    || !matches(record, "from_number", "to_number", "call_direction", from, to)
                    || earlier(record, call)) {
                  continue;
                }
                CallStatusUpdate u;
                try {
                  u = PlivoCallResource.ended(record, record.toString(), zone);
                } catch (IllegalArgumentException e) {
                  throw unreadable(action, response, e.getMessage());
                }
                search.add(new Candidate(PlivoHttp.text(record, "call_uuid"), null, "ended", u));
              }
              JsonNode meta = body.get("meta");
              boolean more =
                  meta != null && meta.hasNonNull("next")
                      ? !meta.get("next").asText().isBlank()
                      : objects.size() >= PAGE;
              return more ? records(search, call, from, to, sent, action, page + 1) : done();
            });
  }

  /**
   * Whether a record provably ended more than a second before Dialkit created the call: an earlier
   * attempt. Only a time with an explicit offset proves it.
   */
  private static boolean earlier(JsonNode record, Call call) {
    String end = PlivoHttp.text(record, "end_time");
    if (end == null) {
      return false;
    }
    OffsetDateTime t = PlivoStatuses.withOffset(end);
    return t != null && t.toInstant().isBefore(call.createdAt().minusSeconds(1));
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** Reads {@code {"calls": [ids]}}. */
  private CompletableFuture<List<String>> ids(String path, String action) {
    return http.get(path, action)
        .thenApply(
            response -> {
              JsonNode calls = ok(action, response).get("calls");
              if (calls == null || calls.isNull()) {
                return List.of();
              }
              if (!calls.isArray()) {
                throw unreadable(action, response, "calls is not a list");
              }
              List<String> ids = new ArrayList<>();
              for (JsonNode id : calls) {
                if (id.isTextual() && !id.asText().isBlank()) {
                  ids.add(id.asText());
                }
              }
              return ids;
            });
  }

  /** Reads each id's resource in turn (one request at a time), adding what {@code read} finds. */
  private CompletableFuture<Void> readEach(
      Search search, List<String> ids, Function<String, CompletableFuture<Candidate>> read) {
    CompletableFuture<Void> chain = done();
    for (String id : new LinkedHashSet<>(ids)) {
      chain =
          chain.thenCompose(
              v -> {
                if (search.incomplete != null) {
                  return done();
                }
                if (++search.idsRead > MAX_IDS) {
                  search.incomplete = "more than " + MAX_IDS + " queued and live calls to read";
                  return done();
                }
                return read.apply(id)
                    .thenAccept(
                        c -> {
                          if (c != null) {
                            search.add(c);
                          }
                        });
              });
    }
    return chain;
  }

  /**
   * GETs one queued or live call: 404 means it moved on (to the next list, searched after this one)
   * and is skipped.
   */
  private CompletableFuture<Candidate> resource(
      String path, String action, Function<JsonNode, Candidate> read) {
    return http.get(path, action)
        .thenApply(
            response -> {
              if (response.statusCode() == 404) {
                return null;
              }
              JsonNode json = ok(action, response);
              try {
                return read.apply(json);
              } catch (IllegalArgumentException e) {
                throw unreadable(action, response, e.getMessage());
              }
            });
  }

  private JsonNode ok(String action, HttpResponse<String> response) {
    if (response.statusCode() / 100 != 2) {
      throw http.error(action, response);
    }
    return http.readObject(action, response);
  }

  private ProviderException unreadable(String action, HttpResponse<String> response, String why) {
    return new ProviderException(
        provider,
        action + ": " + why,
        response.statusCode(),
        null,
        FailureReason.PROVIDER_ERROR,
        false,
        false,
        null);
  }

  /** Exact caller id and destination, and not an inbound call. */
  private static boolean matches(
      JsonNode json,
      String fromField,
      String toField,
      String directionField,
      String from,
      String to) {
    String direction = PlivoHttp.text(json, directionField);
    if (direction != null && !direction.trim().equalsIgnoreCase("outbound")) {
      return false;
    }
    return Objects.equals(PlivoCallResource.number(PlivoHttp.text(json, fromField)), from)
        && Objects.equals(PlivoCallResource.number(PlivoHttp.text(json, toField)), to);
  }

  private static String firstText(JsonNode json, String field, String otherwise) {
    String v = PlivoHttp.text(json, field);
    return v != null ? v : otherwise;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static CompletableFuture<Void> done() {
    return CompletableFuture.completedFuture(null);
  }
}
