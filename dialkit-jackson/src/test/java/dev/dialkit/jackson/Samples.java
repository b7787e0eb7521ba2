package dev.dialkit.jackson;

import static org.assertj.core.api.Assertions.fail;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.AnsweredBy;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CallingWindow;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignCounters;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.DialDecision;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadHold;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.RejectedRow;
import dev.dialkit.campaign.RetryPolicy;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.TimelineEntry;
import dev.dialkit.campaign.WebhookRequest;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** One of each Dialkit value, all about the same lead, whose number the tests search JSON for. */
final class Samples {
  /** The lead's number: it must never be found in full in masked JSON. */
  static final String LEAD_NUMBER = "+14155550123";

  /** The caller id, the tenant's own number: masked too. */
  static final String CALLER_ID = "+14155550100";

  static final TenantId TENANT = TenantId.of("acme");
  static final CampaignId CAMPAIGN = CampaignId.of("cmp-1");
  static final LeadId LEAD = LeadId.of("ld-1");
  static final CallId CALL = CallId.forAttempt(LEAD, 1);
  static final Instant T0 = Instant.parse("2025-03-03T18:00:00Z");

  /** A raw Twilio callback body, as the call log keeps it. */
  static final String RAW_PAYLOAD = "CallSid=CA1&To=%2B14155550123&From=%2B14155550100";

  private Samples() {}

  static CampaignSpec spec() {
    return CampaignSpec.builder()
        .name("Spring \"renewals\"\t</script>")
        .agent(Agent.answerUrl("https://user:s3cret@agent.example.com/answer?x=1"))
        .callerIds(CALLER_ID)
        .retry(RetryPolicy.noAnswerAndBusy())
        .callingWindow(CallingWindow.daily("09:00", "17:30").weekdays().in("America/New_York"))
        .build();
  }

  static Campaign campaign() {
    CampaignCounters counters =
        new CampaignCounters(
            Map.of(
                Counter.LEADS_TOTAL, 10L,
                Counter.LEADS_QUEUED, 6L,
                Counter.LEADS_IN_PROGRESS, 1L,
                Counter.LEADS_DONE, 3L,
                Counter.CALLS_PLACED, 4L,
                Counter.CALLS_COMPLETED, 3L,
                Counter.CALLS_NO_ANSWER, 1L,
                Counter.TALK_MILLIS, 90_500L,
                Counter.TIMED_CALLS, 3L));
    return Campaign.draft(CAMPAIGN, TENANT, spec(), T0)
        .withStatus(CampaignStatus.RUNNING, T0)
        .withCounters(counters);
  }

  static CampaignProgress progress() {
    return CampaignProgress.of(campaign(), T0.plusSeconds(120));
  }

  static Lead lead() {
    NewLead lead =
        new NewLead(
            PhoneNumber.of(LEAD_NUMBER),
            "Ada \"the\" </script> Lovelace",
            "ada@example.com",
            null,
            Map.of("plan", "gold", "account", "A-42"),
            ZoneId.of("America/Los_Angeles"),
            5);
    return Lead.queued(LEAD, TENANT, CAMPAIGN, lead, T0).withHold(LeadHold.ROLLING_24_HOUR_CAP);
  }

  static Call call() {
    return Call.initiated(lead(), 1, "twilio", PhoneNumber.of(CALLER_ID), T0).toBuilder()
        .providerCallId("CA0123")
        .status(CallStatus.COMPLETED)
        .sentAt(T0.plusSeconds(1))
        .answeredAt(T0.plusSeconds(10))
        .endedAt(T0.plusSeconds(70))
        .duration(Duration.ofSeconds(60))
        .failureReason(FailureReason.UNKNOWN)
        .answeredBy(AnsweredBy.HUMAN)
        .rawStatus("completed")
        .lastSequence(3L)
        .nextVersion(T0.plusSeconds(70))
        .build();
  }

  static CallLogEntry logEntry() {
    return CallLogEntry.draft(
            call(),
            T0.plusSeconds(70),
            CallLogEvent.STATUS_APPLIED,
            CallStatus.COMPLETED,
            "completed after 60 s",
            RAW_PAYLOAD)
        .withSequence(7);
  }

  static TimelineEntry timelineEntry() {
    return new TimelineEntry(
        7,
        CAMPAIGN,
        T0.plusSeconds(70),
        CallLogEvent.STATUS_APPLIED,
        CallStatus.COMPLETED,
        "completed after 60 s",
        "twilio",
        CALL,
        CALLER_ID, // Timelines puts the caller id in full here
        "Ada",
        "********0123",
        RAW_PAYLOAD);
  }

  static DialDecision decision() {
    return new DialDecision(
        LEAD,
        DialDecision.Kind.DEFERRED,
        DialDecision.Reason.RETRY_BACKOFF,
        "retry after backoff",
        T0.plusSeconds(1800),
        1,
        T0);
  }

  static RejectedRow rejectedRow() {
    return new RejectedRow(
        3,
        RejectedRow.Reason.DUPLICATE_IN_FILE,
        "phone",
        "duplicate of line 2",
        2,
        List.of(LEAD_NUMBER, "Ada"));
  }

  static WebhookRequest webhookRequest() {
    return WebhookRequest.formPost(
        URI.create("https://dialer.example.com/hooks?To=%2B14155550123"), Map.of(), RAW_PAYLOAD);
  }

  /** Every value above, for the tests that must hold for all of them. */
  static List<Object> values() {
    return List.of(
        spec(),
        campaign(),
        progress(),
        lead(),
        call(),
        logEntry(),
        timelineEntry(),
        decision(),
        rejectedRow(),
        webhookRequest(),
        new Page<>(List.of(timelineEntry(), timelineEntry()), 2, 7),
        PhoneNumber.of(LEAD_NUMBER));
  }

  /**
   * An instance of record {@code type} made from the samples by component type. A new event whose
   * components hold a type not listed here fails the tests until a sample is added.
   */
  static Object instanceOf(Class<?> type, int seconds) {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      args[i] = sampleOf(type, components[i], seconds + i);
    }
    try {
      return type.getDeclaredConstructor(types).newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot make " + type.getSimpleName(), e);
    }
  }

  private static Object sampleOf(Class<?> owner, RecordComponent c, int seconds) {
    Class<?> t = c.getType();
    if (t == CampaignProgress.class) {
      return progress();
    } else if (t == Call.class) {
      return call();
    } else if (t == Lead.class) {
      return lead();
    } else if (t == Instant.class) {
      return T0.plusSeconds(seconds);
    } else if (t == PhoneNumber.class) {
      return PhoneNumber.of(CALLER_ID);
    } else if (t == TenantId.class) {
      return TENANT;
    } else if (t == CampaignId.class) {
      return CAMPAIGN;
    } else if (t == CallStatus.class) {
      return CallStatus.RINGING;
    } else if (t == String.class) {
      return c.getName() + " \"quoted\"\n";
    } else if (t == long.class) {
      return (long) seconds;
    }
    return fail(
        "no sample for %s.%s of type %s: add one to Samples",
        owner.getSimpleName(), c.getName(), t.getName());
  }
}
