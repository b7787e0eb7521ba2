package dev.dialkit.examples;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.TimelineEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The call-log entries of one call, or of two calls to one lead when the first was retried.
 *
 * @param title what the timeline shows; the number is masked
 * @param entries the entries, oldest first
 */
public record CallTimeline(String title, List<TimelineEntry> entries) {
  public CallTimeline {
    entries = List.copyOf(entries);
  }

  /**
   * Up to three sample timelines from a campaign's log: a completed call, a busy or unanswered call
   * that was retried (both attempts), and a voicemail.
   */
  static List<CallTimeline> samples(CampaignDialer dialer, TenantId tenant, CampaignId campaign) {
    CallTimeline completed = null;
    CallTimeline retried = null;
    CallTimeline voicemail = null;
    long cursor = 0;
    Page<TimelineEntry> page;
    do {
      page =
          dialer
              .callLog()
              .forCampaign(tenant, campaign, PageRequest.after(cursor, PageRequest.MAX_LIMIT));
      for (TimelineEntry e : page.items()) {
        if (e.event() != CallLogEvent.STATUS_APPLIED || !e.status().isTerminal()) {
          continue;
        }
        Call call = dialer.calls().get(tenant, e.callId()).orElseThrow();
        if (completed == null && e.status() == CallStatus.COMPLETED) {
          completed = of(dialer, "Completed", call, Optional.empty());
        } else if (voicemail == null && e.status() == CallStatus.VOICEMAIL) {
          voicemail = of(dialer, "Voicemail", call, Optional.empty());
        } else if (retried == null
            && (e.status() == CallStatus.BUSY || e.status() == CallStatus.NO_ANSWER)) {
          Optional<Call> next =
              dialer
                  .calls()
                  .get(tenant, CallId.forAttempt(call.leadId(), call.attempt() + 1))
                  .filter(c -> c.status().isTerminal());
          if (next.isPresent()) {
            String title =
                capitalized(label(e.status()))
                    + ", then "
                    + label(next.get().status())
                    + " on retry";
            retried = of(dialer, title, call, next);
          }
        }
      }
      cursor = page.nextCursor();
    } while (!page.items().isEmpty()
        && (completed == null || retried == null || voicemail == null));

    List<CallTimeline> samples = new ArrayList<>();
    for (CallTimeline t : new CallTimeline[] {completed, retried, voicemail}) {
      if (t != null) {
        samples.add(t);
      }
    }
    return samples;
  }

  private static CallTimeline of(
      CampaignDialer dialer, String outcome, Call call, Optional<Call> retry) {
    List<TimelineEntry> entries = new ArrayList<>(log(dialer, call));
    String calls = "call " + call.id();
    if (retry.isPresent()) {
      entries.addAll(log(dialer, retry.get()));
      calls = "calls " + call.id() + " and ." + retry.get().attempt();
    }
    // PhoneNumber.toString() masks all but the last four digits
    return new CallTimeline(outcome + ": " + calls + " to " + call.to(), entries);
  }

  private static List<TimelineEntry> log(CampaignDialer dialer, Call call) {
    return dialer.callLog().forCall(call.tenant(), call.id(), PageRequest.of(0, 100)).items();
  }

  private static String label(CallStatus status) {
    return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
