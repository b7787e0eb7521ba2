package dev.dialkit.testkit;

import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.spi.TaskScheduler;
import dev.dialkit.testkit.internal.CallScript;
import dev.dialkit.testkit.internal.SimulationSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Builds a {@link SimulatedCallProvider}. Every setter checks its range at once and throws {@link
 * InvalidConfigurationException} naming the setting and the bad value; the javadoc of each gives
 * its default ({@code DEFAULT_*} constants). Only {@link #clock} and {@link #scheduler} are
 * required. A builder is not thread-safe; the provider it builds is immutable in its settings.
 */
public final class SimulatedCallProviderBuilder {
  public static final String DEFAULT_NAME = "simulated";
  public static final URI DEFAULT_CALLBACK_BASE_URL =
      URI.create("https://dialkit.example/webhooks/simulated");
  public static final String DEFAULT_SIGNING_SECRET = "simulated-secret";
  public static final long DEFAULT_SEED = 42;
  public static final double DEFAULT_MACHINE_PROBABILITY = 0.15;
  public static final double DEFAULT_BUSY_PROBABILITY = 0.10;
  public static final double DEFAULT_NO_ANSWER_PROBABILITY = 0.20;
  public static final double DEFAULT_FAILED_PROBABILITY = 0.05;
  public static final Duration DEFAULT_RING_TIME_MIN = Duration.ofSeconds(3);
  public static final Duration DEFAULT_RING_TIME_MAX = Duration.ofSeconds(20);
  public static final Duration DEFAULT_TALK_TIME_MEAN = Duration.ofSeconds(45);
  public static final double DEFAULT_TALK_TIME_SIGMA = 0.8;
  public static final Duration DEFAULT_API_LATENCY = Duration.ofMillis(100);
  public static final Duration DEFAULT_WEBHOOK_DELAY_MIN = Duration.ofMillis(50);
  public static final Duration DEFAULT_WEBHOOK_DELAY_MAX = Duration.ofMillis(500);

  /** The longest any simulated duration may be: one day. */
  public static final Duration MAX_DURATION = Duration.ofDays(1);

  private Clock clock;
  private TaskScheduler scheduler;
  private String name = DEFAULT_NAME;
  private URI callbackBaseUrl = DEFAULT_CALLBACK_BASE_URL;
  private String signingSecret = DEFAULT_SIGNING_SECRET;
  private long seed = DEFAULT_SEED;
  private double machine = DEFAULT_MACHINE_PROBABILITY;
  private double busy = DEFAULT_BUSY_PROBABILITY;
  private double noAnswer = DEFAULT_NO_ANSWER_PROBABILITY;
  private double failed = DEFAULT_FAILED_PROBABILITY;
  private Duration ringMin = DEFAULT_RING_TIME_MIN;
  private Duration ringMax = DEFAULT_RING_TIME_MAX;
  private Duration talkMean = DEFAULT_TALK_TIME_MEAN;
  private double talkSigma = DEFAULT_TALK_TIME_SIGMA;
  private Duration apiLatency = DEFAULT_API_LATENCY;
  private boolean synchronousAnswers;
  private Predicate<PhoneNumber> invalidNumbers = number -> false;
  private double callsPerSecond;
  private Duration callSetup = CallScript.CALL_SETUP;
  private double unavailable;
  private double timeout;
  private Duration delayMin = DEFAULT_WEBHOOK_DELAY_MIN;
  private Duration delayMax = DEFAULT_WEBHOOK_DELAY_MAX;
  private double duplicate;
  private double reorder;
  private double loss;
  private double late;
  private Duration lateDelay = Duration.ZERO;

  SimulatedCallProviderBuilder() {}

  /** Where every timestamp comes from. Required. */
  public SimulatedCallProviderBuilder clock(Clock clock) {
    this.clock = required("clock", clock);
    return this;
  }

  /** Runs the API latency, the calls' timelines and webhook deliveries. Required. */
  public SimulatedCallProviderBuilder scheduler(TaskScheduler scheduler) {
    this.scheduler = required("scheduler", scheduler);
    return this;
  }

  /** The provider's name: letters, digits and {@code -}. Default {@value #DEFAULT_NAME}. */
  public SimulatedCallProviderBuilder name(String name) {
    if (name == null || !name.matches("[A-Za-z0-9-]+")) {
      throw new InvalidConfigurationException("name", name, "must be letters, digits and -");
    }
    this.name = name;
    return this;
  }

  /**
   * The base of every callback URL: an absolute http(s) URL. Default {@link
   * #DEFAULT_CALLBACK_BASE_URL}.
   */
  public SimulatedCallProviderBuilder callbackBaseUrl(URI url) {
    String scheme = url == null ? null : url.getScheme();
    if (!"https".equals(scheme) && !"http".equals(scheme)) {
      throw new InvalidConfigurationException(
          "callbackBaseUrl", url, "must be an absolute http(s) URL");
    }
    this.callbackBaseUrl = url;
    return this;
  }

  /** The HMAC key that signs webhooks: not blank. Default {@value #DEFAULT_SIGNING_SECRET}. */
  public SimulatedCallProviderBuilder signingSecret(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new InvalidConfigurationException("signingSecret", "<blank>", "must not be blank");
    }
    this.signingSecret = secret;
    return this;
  }

  /** The seed of every random choice: any value. Default {@value #DEFAULT_SEED}. */
  public SimulatedCallProviderBuilder seed(long seed) {
    this.seed = seed;
    return this;
  }

  /**
   * The odds of each outcome per accepted call; each in [0, 1], their sum at most 1; the remainder
   * is the odds that a person answers. Defaults: machine {@value #DEFAULT_MACHINE_PROBABILITY},
   * busy {@value #DEFAULT_BUSY_PROBABILITY}, no answer {@value #DEFAULT_NO_ANSWER_PROBABILITY},
   * failed {@value #DEFAULT_FAILED_PROBABILITY} (so a person answers half the calls).
   */
  public SimulatedCallProviderBuilder outcomeOdds(
      double machine, double busy, double noAnswer, double failed) {
    probability("outcomeOdds.machine", machine);
    probability("outcomeOdds.busy", busy);
    probability("outcomeOdds.noAnswer", noAnswer);
    probability("outcomeOdds.failed", failed);
    atMostOne("outcomeOdds", machine + busy + noAnswer + failed);
    this.machine = machine;
    this.busy = busy;
    this.noAnswer = noAnswer;
    this.failed = failed;
    return this;
  }

  /**
   * How long a call rings before it is answered, uniform in [min, max], both in [0, 1 day], min <=
   * max (the request's ring timeout still caps it). Default 3 s to 20 s.
   */
  public SimulatedCallProviderBuilder ringTime(Duration min, Duration max) {
    duration("ringTime.min", min, false);
    duration("ringTime.max", max, false);
    if (max.compareTo(min) < 0) {
      throw new InvalidConfigurationException("ringTime.max", max, "must be >= min " + min);
    }
    this.ringMin = min;
    this.ringMax = max;
    return this;
  }

  /**
   * From a call being created to it ringing (or ending busy or failed), in [0, 1 minute]. Default
   * {@link CallScript#CALL_SETUP} (1 s), as a real network takes; zero for benchmarks whose calls
   * must end at once.
   */
  public SimulatedCallProviderBuilder callSetup(Duration setup) {
    duration("callSetup", setup, false);
    if (setup.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new InvalidConfigurationException("callSetup", setup, "must be at most 1 minute");
    }
    this.callSetup = setup;
    return this;
  }

  /**
   * Talk time of answered calls: lognormal with this mean (in (0, 1 day], at least 1 ms) and sigma
   * of the underlying normal (in [0, 3]); the request's max call duration caps it. Default mean 45
   * s, sigma {@value #DEFAULT_TALK_TIME_SIGMA}.
   */
  public SimulatedCallProviderBuilder talkTime(Duration mean, double sigma) {
    duration("talkTime.mean", mean, true);
    if (!(sigma >= 0 && sigma <= 3)) {
      throw new InvalidConfigurationException("talkTime.sigma", sigma, "must be in [0, 3]");
    }
    this.talkMean = mean;
    this.talkSigma = sigma;
    return this;
  }

  /** How long each API request takes to answer, in [0, 1 day]. Default 100 ms. */
  public SimulatedCallProviderBuilder apiLatency(Duration latency) {
    this.apiLatency = duration("apiLatency", latency, false);
    return this;
  }

  /**
   * Whether API requests ({@code place}, {@code hangUp}, {@code queryStatus}) answer before they
   * return, as a provider implemented on a blocking HTTP client does: the stage is already complete
   * (accepted, refused, or timed out) when the dialer gets it. The virtual clock does not move
   * while such a client would block, so {@link #apiLatency} does not delay the answers then.
   * Default false: answers come on the scheduler after the API latency.
   */
  public SimulatedCallProviderBuilder synchronousAnswers(boolean synchronous) {
    this.synchronousAnswers = synchronous;
    return this;
  }

  /**
   * Numbers the provider refuses as invalid (HTTP 400, code 21211). Default: none. The predicate
   * must be thread-safe; it runs inside {@code place()}.
   */
  public SimulatedCallProviderBuilder invalidNumbers(Predicate<PhoneNumber> invalid) {
    this.invalidNumbers = required("invalidNumbers", invalid);
    return this;
  }

  /**
   * The calls-per-second limit over which {@code place()} fails with a retryable 429 (a token
   * bucket holding max(1, limit) requests); also what {@code callsPerSecond()} reports. In (0,
   * 10000]. Default: no limit.
   */
  public SimulatedCallProviderBuilder callsPerSecondLimit(double limit) {
    if (!(limit > 0 && limit <= 10_000)) {
      throw new InvalidConfigurationException(
          "callsPerSecondLimit", limit, "must be in (0, 10000]");
    }
    this.callsPerSecond = limit;
    return this;
  }

  /**
   * Injected {@code place()} failures: the odds of a retryable 503 before the request was
   * processed, and of an ambiguous timeout (the call is placed anyway). Each in [0, 1], sum at most
   * 1. Default 0 and 0.
   */
  public SimulatedCallProviderBuilder placeFailures(double unavailable, double timeout) {
    probability("placeFailures.unavailable", unavailable);
    probability("placeFailures.timeout", timeout);
    atMostOne("placeFailures", unavailable + timeout);
    this.unavailable = unavailable;
    this.timeout = timeout;
    return this;
  }

  /**
   * How long a webhook takes from its event to its delivery, uniform in [min, max], both in [0, 1
   * day], min <= max. Default 50 ms to 500 ms.
   */
  public SimulatedCallProviderBuilder webhookDelay(Duration min, Duration max) {
    duration("webhookDelay.min", min, false);
    duration("webhookDelay.max", max, false);
    if (max.compareTo(min) < 0) {
      throw new InvalidConfigurationException("webhookDelay.max", max, "must be >= min " + min);
    }
    this.delayMin = min;
    this.delayMax = max;
    return this;
  }

  /**
   * The odds, in [0, 1], that a webhook is delivered a second time 0.1 s to 2 s after the first.
   * Default 0.
   */
  public SimulatedCallProviderBuilder duplicateProbability(double p) {
    this.duplicate = probability("duplicateProbability", p);
    return this;
  }

  /**
   * The odds, in [0, 1], that a non-terminal webhook is held back and delivered just after the
   * call's next one. Default 0.
   */
  public SimulatedCallProviderBuilder reorderProbability(double p) {
    this.reorder = probability("reorderProbability", p);
    return this;
  }

  /**
   * The odds, in [0, 1], that a webhook is never delivered; terminal ones too, which is what
   * Dialkit's watchdog is for. Default 0.
   */
  public SimulatedCallProviderBuilder lossProbability(double p) {
    this.loss = probability("lossProbability", p);
    return this;
  }

  /**
   * The odds, in [0, 1], that a webhook arrives {@code delay} later than it would have (to come
   * after the watchdog or a recovery already settled its call). Default 0: none; only then does the
   * provider draw nothing for it, so seeds made before this setting keep their scripts.
   */
  public SimulatedCallProviderBuilder lateWebhooks(double p, Duration delay) {
    this.late = probability("lateWebhooks.p", p);
    duration("lateWebhooks.delay", delay, false);
    this.lateDelay = delay;
    return this;
  }

  /**
   * The provider.
   *
   * @throws InvalidConfigurationException if the clock or the scheduler is missing
   */
  public SimulatedCallProvider build() {
    required("clock", clock);
    required("scheduler", scheduler);
    SimulationSettings settings =
        new SimulationSettings(
            name,
            callbackBaseUrl,
            signingSecret,
            seed,
            machine,
            busy,
            noAnswer,
            failed,
            callSetup,
            ringMin,
            ringMax,
            talkMean,
            talkSigma,
            apiLatency,
            invalidNumbers,
            callsPerSecond,
            unavailable,
            timeout,
            delayMin,
            delayMax,
            duplicate,
            reorder,
            loss,
            late,
            lateDelay,
            synchronousAnswers);
    return new SimulatedCallProvider(settings, clock, scheduler);
  }

  private static <T> T required(String field, T value) {
    if (value == null) {
      throw new InvalidConfigurationException(field, null, "is required");
    }
    return value;
  }

  private static double probability(String field, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new InvalidConfigurationException(field, p, "must be in [0, 1]");
    }
    return p;
  }

  private static void atMostOne(String field, double sum) {
    if (sum > 1 + 1e-9) {
      throw new InvalidConfigurationException(field, sum, "must sum to <= 1");
    }
  }

  private static Duration duration(String field, Duration d, boolean positive) {
    Objects.requireNonNull(field);
    if (d == null
        || d.isNegative()
        || d.compareTo(MAX_DURATION) > 0
        || (positive && d.toMillis() < 1)) {
      throw new InvalidConfigurationException(
          field, d, positive ? "must be in [1 ms, 1 day]" : "must be in [0, 1 day]");
    }
    return d;
  }
}
