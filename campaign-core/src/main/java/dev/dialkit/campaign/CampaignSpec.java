package dev.dialkit.campaign;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a campaign is to do: its name, the agent that answers, the caller ids it dials from, and its
 * call settings. Immutable; build with {@link #builder()}.
 *
 * @param name a non-blank display name, at most 200 characters
 * @param agent what answers the calls
 * @param callerIds the pool of "from" numbers, at least one, no repeats
 * @param provider the name of the provider to dial through, or {@code null} for the dialer's only
 *     (or first) provider
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
    AutoPause autoPause) {

  /** {@code 30 s}: the ring timeout when none is set. */
  public static final Duration DEFAULT_RING_TIMEOUT = Duration.ofSeconds(30);

  /** {@code 1 h}: the longest call when none is set. */
  public static final Duration DEFAULT_MAX_CALL_DURATION = Duration.ofHours(1);

  public CampaignSpec {
    if (name == null || name.isBlank()) {
      throw new InvalidConfigurationException("name", quote(name), "must not be blank");
    }
    if (name.length() > 200) {
      throw new InvalidConfigurationException(
          "name", name.length() + " characters", "must be at most 200 characters");
    }
    InvalidConfigurationException.required("agent", agent);
    if (callerIds == null || callerIds.isEmpty()) {
      throw new InvalidConfigurationException(
          "callerIds", callerIds, "must hold at least one number");
    }
    callerIds = List.copyOf(callerIds);
    if (callerIds.stream().distinct().count() != callerIds.size()) {
      throw new InvalidConfigurationException("callerIds", callerIds, "must not repeat a number");
    }
    if (provider != null && provider.isBlank()) {
      throw new InvalidConfigurationException("provider", quote(provider), "must not be blank");
    }
    if (maxConcurrentCalls != null) {
      InvalidConfigurationException.atLeast("maxConcurrentCalls", maxConcurrentCalls, 1);
    }
    checkRange("ringTimeout", ringTimeout, Duration.ofSeconds(5), Duration.ofSeconds(600));
    checkRange("maxCallDuration", maxCallDuration, Duration.ofSeconds(1), Duration.ofHours(24));
    InvalidConfigurationException.required("retry", retry);
    InvalidConfigurationException.required("callingWindow", callingWindow);
    InvalidConfigurationException.required("callerIdRotation", callerIdRotation);
  }

  private static void checkRange(String field, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new InvalidConfigurationException(
          field, value, "must be between " + min + " and " + max);
    }
  }

  private static String quote(String s) {
    return s == null ? null : "'" + s + "'";
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

    private Builder() {}

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder agent(Agent agent) {
      this.agent = agent;
      return this;
    }

    /** Adds caller ids (E.164) to the pool. */
    public Builder callerIds(String... e164) {
      for (String number : e164) {
        callerIds.add(PhoneNumber.of(number));
      }
      return this;
    }

    public Builder callerIds(List<PhoneNumber> numbers) {
      callerIds.addAll(numbers);
      return this;
    }

    /** The provider to dial through, by {@code CallProvider.name()}. */
    public Builder provider(String provider) {
      this.provider = provider;
      return this;
    }

    /** This campaign's own concurrency limit (>= 1). */
    public Builder maxConcurrentCalls(int maxConcurrentCalls) {
      this.maxConcurrentCalls = maxConcurrentCalls;
      return this;
    }

    /** Default {@code 30 s}; 5 s to 600 s. */
    public Builder ringTimeout(Duration ringTimeout) {
      this.ringTimeout = ringTimeout;
      return this;
    }

    /** Default {@code 1 h}; 1 s to 24 h. */
    public Builder maxCallDuration(Duration maxCallDuration) {
      this.maxCallDuration = maxCallDuration;
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
      this.retry = retry;
      return this;
    }

    /** Default {@link CallingWindow#always()}. */
    public Builder callingWindow(CallingWindow callingWindow) {
      this.callingWindow = callingWindow;
      return this;
    }

    /** Default {@link CallerIdRotation#ROUND_ROBIN}. */
    public Builder callerIdRotation(CallerIdRotation callerIdRotation) {
      this.callerIdRotation = callerIdRotation;
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
          autoPause);
    }
  }
}
