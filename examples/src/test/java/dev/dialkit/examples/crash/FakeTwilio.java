package dev.dialkit.examples.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.examples.crash.KillSwitch.Point;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Twilio Programmable Voice API on a loopback port, with the paths, forms and JSON Twilio
 * documents for what {@code TwilioProvider} uses: create a call, fetch one, list calls by {@code
 * To} and {@code From} (how an unanswered create is reconciled), and update one to hang it up. It
 * keeps every call it ever accepted, in arrival order: that record is what the crash test checks.
 */
final class FakeTwilio implements AutoCloseable {
  static final String ACCOUNT_SID = "AC00c0ffee00c0ffee00c0ffee00c0ffee";
  static final String AUTH_TOKEN = "crash7e57crash7e57crash7e57crash";
  private static final String CALLS = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls";
  private static final String AUTHORIZATION =
      "Basic "
          + Base64.getEncoder()
              .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));

  private final ObjectMapper json = new ObjectMapper();
  private final KillSwitch killSwitch;
  private final CallPlayer player;
  private final HttpServer server;
  private final ExecutorService handlers = Executors.newCachedThreadPool(FakeTwilio::daemon);
  private final List<FakeCall> calls = new ArrayList<>();
  private final Map<String, FakeCall> bySid = new HashMap<>();
  private final AtomicInteger fetches = new AtomicInteger();
  private final AtomicInteger lists = new AtomicInteger();

  private FakeTwilio(KillSwitch killSwitch, long seed) throws IOException {
    this.killSwitch = killSwitch;
    this.player = new CallPlayer(ACCOUNT_SID, AUTH_TOKEN, killSwitch, seed);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(handlers); // a held create request must not hold up the others
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts the server; call scripts are drawn from {@code seed}. */
  static FakeTwilio start(KillSwitch killSwitch, long seed) throws IOException {
    return new FakeTwilio(killSwitch, seed);
  }

  /** The base URL to give {@code TwilioProvider.builder().baseUrl(...)}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every call accepted so far, in the order the create requests arrived. */
  synchronized List<FakeCall> calls() {
    return List.copyOf(calls);
  }

  /** {@code GET Calls/{sid}.json} requests so far. */
  int fetches() {
    return fetches.get();
  }

  /** {@code GET Calls.json} (list) requests so far. */
  int lists() {
    return lists.get();
  }

  CallPlayer player() {
    return player;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String method = exchange.getRequestMethod();
      if (!AUTHORIZATION.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        error(exchange, 401, 20003, "Authenticate");
      } else if (path.equals(CALLS + ".json") && method.equals("POST")) {
        create(exchange);
      } else if (path.equals(CALLS + ".json") && method.equals("GET")) {
        list(exchange);
      } else if (path.startsWith(CALLS + "/") && path.endsWith(".json")) {
        String sid = path.substring(CALLS.length() + 1, path.length() - ".json".length());
        FakeCall call = find(sid);
        if (call == null) {
          error(exchange, 404, 20404, "The requested resource " + path + " was not found");
        } else if (method.equals("GET")) {
          fetches.incrementAndGet();
          send(exchange, 200, call.resource(ACCOUNT_SID));
        } else {
          update(exchange, call);
        }
      } else {
        error(exchange, 404, 20404, "The requested resource " + path + " was not found");
      }
    } catch (IOException e) {
      // the dialer hung up on us (it was killed): its answer is lost, as the test intends
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void create(HttpExchange exchange) throws IOException, InterruptedException {
    Map<String, List<String>> form = Forms.decode(body(exchange));
    String to = Forms.first(form, "To");
    String from = Forms.first(form, "From");
    String callback = Forms.first(form, "StatusCallback");
    if (to == null || from == null || callback == null) {
      error(exchange, 400, 21201, "To, From and StatusCallback are required here");
      return;
    }
    URI statusCallback = URI.create(callback);
    String callId = Forms.queryParameter(statusCallback, Webhooks.CALL_PARAMETER);
    List<String> events = form.getOrDefault("StatusCallbackEvent", List.of("completed"));
    FakeCall call;
    synchronized (this) {
      String sid = "CA%032x".formatted(calls.size() + 1);
      call = new FakeCall(sid, callId, to, from, statusCallback, new HashSet<>(events));
      calls.add(call);
      bySid.put(sid, call);
    }
    player.play(call); // Twilio dials whether or not its answer reaches the caller
    killSwitch.event(Point.CREATE_RECEIVED, call.toString());
    send(exchange, 201, call.resource(ACCOUNT_SID));
    killSwitch.event(Point.CREATE_ANSWERED, call.toString());
  }

  /** {@code GET Calls.json?To=..&From=..&PageSize=..}: newest first, as Twilio lists. */
  private void list(HttpExchange exchange) throws IOException {
    lists.incrementAndGet();
    URI uri = exchange.getRequestURI();
    String to = Forms.queryParameter(uri, "To");
    String from = Forms.queryParameter(uri, "From");
    String size = Forms.queryParameter(uri, "PageSize");
    int pageSize = size == null ? 50 : Integer.parseInt(size);
    ObjectNode page = json.createObjectNode();
    ArrayNode items = page.putArray("calls");
    List<FakeCall> all = calls();
    for (int i = all.size() - 1; i >= 0 && items.size() < pageSize; i--) {
      FakeCall c = all.get(i);
      if ((to == null || to.equals(c.to)) && (from == null || from.equals(c.from))) {
        items.add(c.resource(ACCOUNT_SID));
      }
    }
    page.put("end", Math.max(0, items.size() - 1));
    page.put("first_page_uri", uri.toString());
    page.putNull("next_page_uri");
    page.put("page", 0);
    page.put("page_size", pageSize);
    page.putNull("previous_page_uri");
    page.put("start", 0);
    page.put("uri", uri.toString());
    send(exchange, 200, page);
  }

  /**
   * {@code POST Calls/{sid}.json} with {@code Status=canceled} (ends a call not answered yet) or
   * {@code Status=completed} (ends any live call); an ended call answers 21220, as Twilio does.
   */
  private void update(HttpExchange exchange, FakeCall call) throws IOException {
    String status = Forms.first(Forms.decode(body(exchange)), "Status");
    if (!"canceled".equals(status) && !"completed".equals(status)) {
      error(exchange, 400, 21218, "Invalid Status: " + status);
      return;
    }
    if (!call.isLive()) {
      error(exchange, 400, 21220, "Call is not in-progress. Cannot redirect.");
      return;
    }
    boolean answered = call.status().equals("in-progress");
    if (!(status.equals("canceled") && answered) && call.moveTo(status)) {
      player.ended(call);
    }
    send(exchange, 200, call.resource(ACCOUNT_SID));
  }

  private synchronized FakeCall find(String sid) {
    return bySid.get(sid);
  }

  private static String body(HttpExchange exchange) throws IOException {
    return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
  }

  /** Twilio's v2010 error body. */
  private void error(HttpExchange exchange, int status, int code, String message)
      throws IOException {
    ObjectNode body = json.createObjectNode();
    body.put("code", code);
    body.put("message", message);
    body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
    body.put("status", status);
    send(exchange, status, body);
  }

  private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "fake-twilio-http");
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
    player.close();
  }
}
