package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallOutcome;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.spi.CampaignStore;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent variables that carry a lead's previous call into its next one, as the seed passes them:
 * {@value #SUMMARY} and {@value #CONVERSATION} (the previous call's summary, else the end of its
 * transcript) and {@value #DISPOSITION} (its disposition code). A variable the campaign or the lead
 * sets itself is kept; none is added past the agent's cap of variables.
 */
final class PreviousCall {
  static final String SUMMARY = "transcript_summary";
  static final String CONVERSATION = "last_conversation";
  static final String DISPOSITION = "last_disposition";

  private static final Logger log = LoggerFactory.getLogger(PreviousCall.class);
  private static final int MAX = NewLead.MAX_VARIABLE_VALUE_LENGTH;

  private PreviousCall() {}

  /**
   * Adds the previous call's variables to {@code variables}; one store read, only for a call after
   * the lead's first. A store failure only leaves them out: the call is placed anyway.
   */
  static void addTo(Map<String, String> variables, CampaignStore store, Call call) {
    if (call.attempt() < 2) {
      return;
    }
    Optional<CallOutcome> previous;
    try {
      // a call's attempt is one more than the lead's previous call's (CampaignStore#claimNext)
      previous =
          store.findCallOutcome(
              call.tenant(), CallId.forAttempt(call.leadId(), call.attempt() - 1));
    } catch (StoreException e) {
      log.debug("call {}: previous call's outcome not read; dialed without it", call.id(), e);
      return;
    }
    if (previous.isEmpty()) {
      return;
    }
    CallOutcome o = previous.get();
    String summary = o.conversation().summary();
    String transcript = o.conversation().transcript();
    put(variables, SUMMARY, summary);
    put(variables, CONVERSATION, summary != null ? summary : tail(transcript));
    put(variables, DISPOSITION, o.disposition() == null ? null : o.disposition().code());
  }

  private static void put(Map<String, String> variables, String key, String value) {
    if (value == null || variables.containsKey(key)) {
      return;
    }
    if (variables.size() < Agent.MAX_VARIABLES + NewLead.MAX_VARIABLES) {
      variables.put(key, value.length() <= MAX ? value : head(value));
    }
  }

  private static String head(String value) {
    int to = Character.isHighSurrogate(value.charAt(MAX - 1)) ? MAX - 1 : MAX;
    return value.substring(0, to);
  }

  private static String tail(String transcript) {
    if (transcript == null || transcript.length() <= MAX) {
      return transcript;
    }
    int from = transcript.length() - MAX;
    if (Character.isLowSurrogate(transcript.charAt(from))) {
      from++;
    }
    return transcript.substring(from);
  }
}
