package dev.dialkit.testkit;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.WebhookResponse;
import dev.dialkit.testkit.internal.fuzz.Mutations;
import dev.dialkit.testkit.internal.fuzz.WorldState;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Drives a real dialer's webhook path with requests a coverage-guided fuzzer chooses, and checks
 * what must hold for every request, whatever it holds:
 *
 * <ul>
 *   <li>{@link dev.dialkit.campaign.Webhooks#handle} returns; nothing escapes it;
 *   <li>the answer is never 5xx (the store here is healthy, so a 5xx is a bug of Dialkit's or of
 *       the provider module's parser);
 *   <li>a request without a valid signature changes nothing: no call, no counter, no log entry;
 *   <li>a signed request changes nothing of a tenant other than the one its URL names;
 *   <li>no campaign counter is ever negative.
 * </ul>
 *
 * <p>Each request starts from one of the provider's real payloads for one of the tracked calls,
 * sent to that call's callback URL; the fuzzer's choices then mutate the body, the URL and the
 * content type, and pick how it is signed: correctly over what is finally sent, not at all, with
 * garbage, or over the request as it was before the mutations (valid only if they changed nothing
 * the signature covers, so that mode is only held to the first, second and last properties).
 *
 * <p>A violation throws {@link AssertionError}; under a fuzzer that is a finding, saved as an input
 * that later runs replay as a regression test. Not thread-safe: one fuzzing thread.
 */
public final class WebhookFuzzer {
  /**
   * The fuzzer's choices. Jazzer's {@code FuzzedDataProvider} adapts in three lines: {@code
   * consumeInt(0, bound - 1)}, {@code consumeBoolean()}, {@code consumeString(maxLength)}. When the
   * data runs out, the methods return 0, false and "", as Jazzer's do.
   */
  public interface Choices {
    /** A number from 0 to {@code bound - 1}; {@code bound} is at least 1. */
    int pick(int bound);

    /** A yes or no. */
    boolean flip();

    /** Any text of at most {@code maxLength} characters, control characters included. */
    String text(int maxLength);

    /** Pseudo-random choices from {@code seed}: for a bounded fuzz run without a fuzzer. */
    static Choices random(long seed) {
      return new dev.dialkit.testkit.internal.fuzz.RandomChoices(seed);
    }
  }

  /** Signs a request as the provider would: the headers that carry the signature. */
  @FunctionalInterface
  public interface Signer {
    Map<String, List<String>> headers(URI url, String body);
  }

  private final CampaignDialer dialer;
  private final List<Call> calls;
  private final Function<Call, URI> callbackUrl;
  private final List<Function<Call, String>> payloads;
  private final Signer signer;
  private final String contentType;
  private final List<String> signatureHeaders;
  private long requests;
  private final Map<Integer, Long> statuses = new LinkedHashMap<>();

  private WebhookFuzzer(Builder b) {
    this.dialer = Objects.requireNonNull(b.dialer, "dialer");
    this.calls = List.copyOf(b.calls);
    this.callbackUrl = Objects.requireNonNull(b.callbackUrl, "callbackUrl");
    this.payloads = List.copyOf(b.payloads);
    this.signer = Objects.requireNonNull(b.signer, "signer");
    this.contentType = b.contentType;
    this.signatureHeaders = List.copyOf(b.signatureHeaders);
    if (calls.isEmpty() || payloads.isEmpty() || signatureHeaders.isEmpty()) {
      throw new IllegalArgumentException("needs calls, payloads and signature header names");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds one request from {@code in}, hands it to the dialer and checks the properties.
   *
   * @return the HTTP status the dialer answered
   * @throws AssertionError naming the property that broke and the request
   */
  public int exercise(Choices in) {
    Call target = calls.get(in.pick(calls.size()));
    String originalBody = payloads.get(in.pick(payloads.size())).apply(target);
    URI originalUrl = callbackUrl.apply(target);
    Mutations.Request mutated =
        Mutations.apply(
            new Mutations.Request(originalUrl, originalBody, contentType), calls, callbackUrl, in);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", List.of(mutated.contentType()));
    int signing = in.pick(4);
    switch (signing) {
      case 0 -> headers.putAll(signer.headers(mutated.url(), mutated.body()));
      case 1 -> {} // unsigned
      case 2 -> headers.putAll(signer.headers(originalUrl, originalBody));
      default -> {
        for (String name : signatureHeaders) {
          headers.put(name, List.of(in.text(100)));
        }
      }
    }
    WebhookRequest request;
    try {
      request = new WebhookRequest("POST", mutated.url(), headers, mutated.body());
    } catch (IllegalArgumentException e) {
      return 0; // not a request a host could hand over: WebhookRequest refuses it up front
    }
    WorldState before = WorldState.of(dialer, calls);
    WebhookResponse response;
    try {
      response = dialer.webhooks().handle(request);
    } catch (RuntimeException e) {
      throw new AssertionError("handle threw for " + describe(request), e);
    }
    requests++;
    statuses.merge(response.status(), 1L, Long::sum);
    WorldState after = WorldState.of(dialer, calls);
    if (response.status() >= 500) {
      throw new AssertionError("answered " + response.status() + " to " + describe(request));
    }
    if (signing == 1 || signing == 3) {
      after.requireSameAs(before, "an unsigned request changed the state: " + describe(request));
    } else if (signing == 0) {
      after.requireSameOutside(
          before,
          request.queryParameter(dev.dialkit.campaign.Webhooks.TENANT_PARAMETER),
          "a signed request changed another tenant's state: " + describe(request));
    }
    after.requireNoNegativeCounter(describe(request));
    return response.status();
  }

  /** How many requests were handled, by HTTP status: for a fuzz run's summary. */
  public Map<Integer, Long> statuses() {
    return Map.copyOf(statuses);
  }

  /** How many requests were handled. */
  public long requests() {
    return requests;
  }

  private static String describe(WebhookRequest r) {
    return "POST " + r.url() + " headers " + r.headers() + " body <" + r.body() + ">";
  }

  /** Configures a {@link WebhookFuzzer}; every setting but the content type is required. */
  public static final class Builder {
    private CampaignDialer dialer;
    private final List<Call> calls = new ArrayList<>();
    private Function<Call, URI> callbackUrl;
    private final List<Function<Call, String>> payloads = new ArrayList<>();
    private Signer signer;
    private String contentType = "application/x-www-form-urlencoded";
    private final List<String> signatureHeaders = new ArrayList<>();

    private Builder() {}

    /** The dialer whose webhooks are fuzzed; its store should be healthy (in-memory). */
    public Builder dialer(CampaignDialer dialer) {
      this.dialer = dialer;
      return this;
    }

    /** Calls the requests are about, in one or more tenants; each already has a provider id. */
    public Builder calls(List<Call> calls) {
      this.calls.addAll(calls);
      return this;
    }

    /** The URL the provider posts a call's webhooks to (the one Dialkit gave it). */
    public Builder callbackUrl(Function<Call, URI> callbackUrl) {
      this.callbackUrl = callbackUrl;
      return this;
    }

    /** A real payload of the provider's, filled in for a call; add several. */
    public Builder payload(Function<Call, String> payload) {
      this.payloads.add(payload);
      return this;
    }

    /** Signs as the provider does; {@code headerNames} are the headers the signature is in. */
    public Builder signer(Signer signer, String... headerNames) {
      this.signer = signer;
      this.signatureHeaders.addAll(List.of(headerNames));
      return this;
    }

    /** The payloads' content type. Default {@code application/x-www-form-urlencoded}. */
    public Builder contentType(String contentType) {
      this.contentType = Objects.requireNonNull(contentType, "contentType");
      return this;
    }

    public WebhookFuzzer build() {
      return new WebhookFuzzer(this);
    }
  }
}
