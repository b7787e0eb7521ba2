package dev.dialkit.campaign;

import dev.dialkit.campaign.spi.Untrusted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a campaign is to do: its name, the agent that answers, the caller ids it dials from, and its
 * call settings. Immutable; build with {@link #builder()}.
 *
 * @param name a non-blank display name, at most {@value #MAX_NAME_LENGTH} characters, one line (no
 *     control characters other than tab)
 * @param agent what answers the calls
 * @param callerIds the pool of "from" numbers, 1 to {@value #MAX_CALLER_IDS}, no repeats
 * @param provider the name of the provider to dial through (1 to 32 letters, digits or {@code -}),
 *     or {@code null} for the dialer's only (or first) provider
 * @param maxConcurrentCalls this campaign's own concurrency limit, or {@code null} for the dialer's
 *     {@link ConcurrencyPolicy#perCampaign()}
 * @param ringTimeout how long a call may ring before it is no-answer, 5 s to 600 s
 * @param maxCallDuration the longest a call may last once answered, 1 s to 24 h
 * @param machineDetection ask the provider to detect answering machines
 * @param record ask the provider to record calls
 * @param retry which unsuccessful calls are retried
 * @param callingWindow when leads may be called, in their own time zones
 * @param callerIdRotation how caller ids are picked from {@code callerIds}
 * @param autoPause when to pause by itself on failures, or {@code null} for never
 * @param failover providers to fail over to, in order, when the one dialing is down (its circuit
 *     breaker open, or it refused a call for its own account, capacity or error): at most {@value
 *     #MAX_FAILOVER_PROVIDERS}, no repeats, not the primary {@code provider}; empty for none
 * @param dispositions the business outcomes the host may record for the campaign's calls ({@link
 *     Calls#disposition}); {@link DispositionSet#none()} (the default) for none
 * @param schedule when the campaign may dial at all, or {@code null} for from its start on, with no
 *     end
 * @param pacing how fast it dials below its limits; {@code null} reads as {@link
 *     Pacing#asFastAsAllowed()}
 */
public record CampaignSpec(
    String name,
    Agent agent,
    List<PhoneNumber> callerIds,
    String provider,
    Integer maxConcurrentCalls,
    Duration ringTimeout,
    Duration maxCallDuration,
    boolean machineDetection,
    boolean record,
    RetryPolicy retry,
    CallingWindow callingWindow,
    CallerIdRotation callerIdRotation,
    AutoPause autoPause,
    List<String> failover,
    DispositionSet dispositions,
    CampaignSchedule schedule,
    Pacing pacing) {

  /** {@code 30 s}: the ring timeout when none is set. */
  public static final Duration DEFAULT_RING_TIMEOUT = Duration.ofSeconds(30);

  /** {@code 1 h}: the longest call when none is set. */
  public static final Duration DEFAULT_MAX_CALL_DURATION = Duration.ofHours(1);

  /** {@value}: the longest campaign name. */
  public static final int MAX_NAME_LENGTH = 200;

  /** {@value}: the most caller ids in a campaign's pool. */
  public static final int MAX_CALLER_IDS = 1000;

  /** {@code 5 s}: the shortest ring timeout. */
  public static final Duration MIN_RING_TIMEOUT = Duration.ofSeconds(5);

  /** {@code 10 min}: the longest ring timeout. */
  public static final Duration MAX_RING_TIMEOUT = Duration.ofSeconds(600);

  /** {@code 1 s}: the shortest max call duration. */
  public static final Duration MIN_CALL_DURATION = Duration.ofSeconds(1);

  /** {@code 24 h}: the longest max call duration. */
  public static final Duration MAX_CALL_DURATION = Duration.ofHours(24);

  /** {@value}: the most providers a campaign fails over to. */
  public static final int MAX_FAILOVER_PROVIDERS = 5;

  /** A provider's name, as {@link CampaignDialerBuilder#provider} allows it. */
  private static final Pattern PROVIDER = Pattern.compile("[A-Za-z0-9-]{1,32}");

  public CampaignSpec {
    name = checkName(name);
    checkAgent(agent);
    callerIds = checkCallerIds(callerIds);
    checkProvider(provider);
    if (maxConcurrentCalls != null) {
      InvalidConfigurationException.atLeast("maxConcurrentCalls", maxConcurrentCalls, 1);
    }
    checkRange("ringTimeout", ringTimeout, MIN_RING_TIMEOUT, MAX_RING_TIMEOUT);
    checkRange("maxCallDuration", maxCallDuration, MIN_CALL_DURATION, MAX_CALL_DURATION);
    InvalidConfigurationException.required("retry", retry);
    InvalidConfigurationException.required("callingWindow", callingWindow);
    InvalidConfigurationException.required("callerIdRotation", callerIdRotation);
    failover = checkFailover(provider, failover);
    dispositions = dispositions == null ? DispositionSet.none() : dispositions;
    pacing = pacing == null ? Pacing.asFastAsAllowed() : pacing;
  }

  /** A spec without dispositions or a schedule, paced as fast as allowed. */
  public CampaignSpec(
      String name,
      Agent agent,
      List<PhoneNumber> callerIds,
      String provider,
      Integer maxConcurrentCalls,
      Duration ringTimeout,
      Duration maxCallDuration,
      boolean machineDetection,
      boolean record,
      RetryPolicy retry,
      CallingWindow callingWindow,
      CallerIdRotation callerIdRotation,
      AutoPause autoPause,
      List<String> failover) {
    this(
        name,
        agent,
        callerIds,
        provider,
        maxConcurrentCalls,
        ringTimeout,
        maxCallDuration,
        machineDetection,
        record,
        retry,
        callingWindow,
        callerIdRotation,
        autoPause,
        failover,
        DispositionSet.none(),
        null,
        null);
  }

  /** A spec without failover providers. */
  public CampaignSpec(
      String name,
      Agent agent,
      List<PhoneNumber> callerIds,
      String provider,
      Integer maxConcurrentCalls,
      Duration ringTimeout,
      Duration maxCallDuration,
      boolean machineDetection,
      boolean record,
      RetryPolicy retry,
      CallingWindow callingWindow,
      CallerIdRotation callerIdRotation,
      AutoPause autoPause) {
    this(
        name,
        agent,
        callerIds,
        provider,
        maxConcurrentCalls,
        ringTimeout,
        maxCallDuration,
        machineDetection,
        record,
        retry,
        callingWindow,
        callerIdRotation,
        autoPause,
        List.of());
  }

  private static List<String> checkFailover(String provider, List<String> failover) {
    if (failover == null) {
      return List.of();
    }
    if (failover.size() > MAX_FAILOVER_PROVIDERS) {
      throw new InvalidConfigurationException(
          "failover",
          failover.size() + " providers",
          "must hold at most " + MAX_FAILOVER_PROVIDERS + " providers");
    }
    Set<String> seen = new HashSet<>();
    for (String name : failover) {
      if (name == null) {
        throw new InvalidConfigurationException("failover", null, "must not hold null");
      }
      checkProvider(name);
      if (!seen.add(name) || name.equals(provider)) {
        throw new InvalidConfigurationException(
            "failover", Untrusted.quote(name), "must not repeat a provider or name the primary");
      }
    }
    return List.copyOf(failover);
  }

  private static String checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidConfigurationException("name", Untrusted.quote(name), "must not be blank");
    }
    TextRules.Problem problem = TextRules.line(name, MAX_NAME_LENGTH);
    if (problem != null) {
      throw problem.config("name");
    }
    return name;
  }

  private static Agent checkAgent(Agent agent) {
    InvalidConfigurationException.required("agent", agent);
    // an agent may hold more, to make room for a lead's variables at each call; a spec's may not
    if (agent.variables().size() > Agent.MAX_VARIABLES) {
      throw new InvalidConfigurationException(
          "agent.variables",
          agent.variables().size() + " entries",
          "must hold at most " + Agent.MAX_VARIABLES + " entries");
    }
    return agent;
  }

  private static List<PhoneNumber> checkCallerIds(List<PhoneNumber> callerIds) {
    if (callerIds == null || callerIds.isEmpty()) {
      throw new InvalidConfigurationException(
          "callerIds", callerIds, "must hold at least one number");
    }
    if (callerIds.size() > MAX_CALLER_IDS) {
      throw new InvalidConfigurationException(
          "callerIds",
          callerIds.size() + " numbers",
          "must hold at most " + MAX_CALLER_IDS + " numbers");
    }
    Set<PhoneNumber> seen = new HashSet<>();
    for (PhoneNumber number : callerIds) {
      if (number == null) {
        throw new InvalidConfigurationException("callerIds", null, "must not hold null");
      }
      if (!seen.add(number)) {
        // a PhoneNumber shows itself masked
        throw new InvalidConfigurationException("callerIds", number, "must not repeat a number");
      }
    }
    return List.copyOf(callerIds);
  }

  private static String checkProvider(String provider) {
    if (provider != null && provider.isBlank()) {
      throw new InvalidConfigurationException(
          "provider", Untrusted.quote(provider), "must not be blank");
    }
    if (provider != null && !PROVIDER.matcher(provider).matches()) {
      throw new InvalidConfigurationException(
          "provider", Untrusted.quote(provider), "must be 1 to 32 letters, digits or '-'");
    }
    return provider;
  }

  private static Duration checkRange(String field, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new InvalidConfigurationException(
          field, value, "must be between " + min + " and " + max);
    }
    return value;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding every setting of {@code existing}. */
  public static Builder from(CampaignSpec existing) {
    Builder b = new Builder();
    b.name = existing.name;
    b.agent = existing.agent;
    b.callerIds.addAll(existing.callerIds);
    b.provider = existing.provider;
    b.maxConcurrentCalls = existing.maxConcurrentCalls;
    b.ringTimeout = existing.ringTimeout;
    b.maxCallDuration = existing.maxCallDuration;
    b.machineDetection = existing.machineDetection;
    b.record = existing.record;
    b.retry = existing.retry;
    b.callingWindow = existing.callingWindow;
    b.callerIdRotation = existing.callerIdRotation;
    b.autoPause = existing.autoPause;
    b.failover = existing.failover;
    b.dispositions = existing.dispositions;
    b.schedule = existing.schedule;
    b.pacing = existing.pacing;
    return b;
  }

  /** Builds a {@link CampaignSpec}; {@link #build()} checks every setting. */
  public static final class Builder {
    private String name;
    private Agent agent;
    private final List<PhoneNumber> callerIds = new ArrayList<>();
    private String provider;
    private Integer maxConcurrentCalls;
    private Duration ringTimeout = DEFAULT_RING_TIMEOUT;
    private Duration maxCallDuration = DEFAULT_MAX_CALL_DURATION;
    private boolean machineDetection;
    private boolean record;
    private RetryPolicy retry = RetryPolicy.none();
    private CallingWindow callingWindow = CallingWindow.always();
    private CallerIdRotation callerIdRotation = CallerIdRotation.ROUND_ROBIN;
    private AutoPause autoPause;
    private List<String> failover = List.of();
    private DispositionSet dispositions = DispositionSet.none();

    /** Default {@link DispositionSet#none()}: the campaign records no dispositions. */
    public Builder dispositions(DispositionSet dispositions) {
      this.dispositions = InvalidConfigurationException.required("dispositions", dispositions);
      return this;
    }

    private CampaignSchedule schedule;
    private Pacing pacing = Pacing.asFastAsAllowed();

    private Builder() {}

    /** Required; not blank, at most {@value #MAX_NAME_LENGTH} characters, one line. */
    public Builder name(String name) {
      this.name = checkName(name);
      return this;
    }

    /** Required; with at most {@value Agent#MAX_VARIABLES} variables. */
    public Builder agent(Agent agent) {
      this.agent = checkAgent(agent);
      return this;
    }

    /**
     * Adds caller ids (E.164) to the pool.
     *
     * @throws InvalidConfigurationException naming {@code callerIds} if a number is not valid
     */
    public Builder callerIds(String... e164) {
      InvalidConfigurationException.required("callerIds", e164);
      List<PhoneNumber> numbers = new ArrayList<>(e164.length);
      for (String number : e164) {
        TextRules.Problem problem = PhoneNumber.problem(number);
        if (problem != null) {
          throw problem.config("callerIds");
        }
        numbers.add(new PhoneNumber(number));
      }
      callerIds.addAll(numbers);
      return this;
    }

    /** Adds caller ids to the pool; at most {@value #MAX_CALLER_IDS} in all, no repeats. */
    public Builder callerIds(List<PhoneNumber> numbers) {
      InvalidConfigurationException.required("callerIds", numbers);
      for (PhoneNumber number : numbers) { // not contains(null): immutable lists throw on it
        if (number == null) {
          throw new InvalidConfigurationException("callerIds", null, "must not hold null");
        }
      }
      callerIds.addAll(numbers);
      return this;
    }

    /**
     * The provider to dial through, by {@code CallProvider.name()}: 1 to 32 letters, digits or
     * {@code -}; {@code null} for the dialer's first.
     */
    public Builder provider(String provider) {
      this.provider = checkProvider(provider);
      return this;
    }

    /** This campaign's own concurrency limit (>= 1). */
    public Builder maxConcurrentCalls(int maxConcurrentCalls) {
      this.maxConcurrentCalls =
          InvalidConfigurationException.atLeast("maxConcurrentCalls", maxConcurrentCalls, 1);
      return this;
    }

    /** Default {@code 30 s}; 5 s to 600 s. */
    public Builder ringTimeout(Duration ringTimeout) {
      this.ringTimeout = checkRange("ringTimeout", ringTimeout, MIN_RING_TIMEOUT, MAX_RING_TIMEOUT);
      return this;
    }

    /** Default {@code 1 h}; 1 s to 24 h. */
    public Builder maxCallDuration(Duration maxCallDuration) {
      this.maxCallDuration =
          checkRange("maxCallDuration", maxCallDuration, MIN_CALL_DURATION, MAX_CALL_DURATION);
      return this;
    }

    public Builder machineDetection(boolean machineDetection) {
      this.machineDetection = machineDetection;
      return this;
    }

    public Builder record(boolean record) {
      this.record = record;
      return this;
    }

    /** Default {@link RetryPolicy#none()}. */
    public Builder retry(RetryPolicy retry) {
      this.retry = InvalidConfigurationException.required("retry", retry);
      return this;
    }

    /** Default {@link CallingWindow#always()}. */
    public Builder callingWindow(CallingWindow callingWindow) {
      this.callingWindow = InvalidConfigurationException.required("callingWindow", callingWindow);
      return this;
    }

    /** Default {@link CallerIdRotation#ROUND_ROBIN}. */
    public Builder callerIdRotation(CallerIdRotation callerIdRotation) {
      this.callerIdRotation =
          InvalidConfigurationException.required("callerIdRotation", callerIdRotation);
      return this;
    }

    /**
     * Providers to fail over to, in order, when the one dialing is down: its circuit breaker is
     * open, or it refused a call for its own account, capacity or error (a refusal it certainly did
     * not act on). A call that may have been placed never fails over. Each by {@code
     * CallProvider.name()}; default none.
     */
    public Builder failover(String... providers) {
      this.failover =
          checkFailover(provider, providers == null ? null : java.util.Arrays.asList(providers));
      return this;
    }

    /**
     * When the campaign may dial at all ({@link CampaignSchedule}); default {@code null}: from its
     * start on, with no end.
     */
    public Builder schedule(CampaignSchedule schedule) {
      this.schedule = schedule;
      return this;
    }

    /** Default {@link Pacing#asFastAsAllowed()}. */
    public Builder pacing(Pacing pacing) {
      this.pacing = InvalidConfigurationException.required("pacing", pacing);
      return this;
    }

    /** Default none: the campaign never pauses by itself. */
    public Builder autoPause(AutoPause autoPause) {
      this.autoPause = autoPause;
      return this;
    }

    public CampaignSpec build() {
      return new CampaignSpec(
          name,
          agent,
          callerIds,
          provider,
          maxConcurrentCalls,
          ringTimeout,
          maxCallDuration,
          machineDetection,
          record,
          retry,
          callingWindow,
          callerIdRotation,
          autoPause,
          failover,
          dispositions,
          schedule,
          pacing);
    }
  }
}
