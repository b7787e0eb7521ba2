package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.Conversation;
import dev.dialkit.campaign.DialkitException;
import dev.dialkit.campaign.Disposition;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.Untrusted;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a webhook says the agent learned: the conversation is stored with the call, and a
 * disposition the agent extracted ({@value #DISPOSITION_FIELD}, with {@value #SCORE_FIELD} and
 * {@value #CALLBACK_FIELD} when present) is recorded as if the host had. A bad report is logged
 * (escaped) and dropped, never thrown: the status update it came with stays applied. A store
 * failure is thrown, so the provider sends the webhook again; every write here is idempotent.
 */
final class AgentReports {
  /** The extracted field whose value, a code of the campaign's set, is the call's disposition. */
  static final String DISPOSITION_FIELD = "disposition";

  /** The extracted field with the lead's score: 0 to 100, or hot, warm, cold. */
  static final String SCORE_FIELD = "lead_score";

  /** The extracted field with the callback's local time (ISO-8601, no offset). */
  static final String CALLBACK_FIELD = "callback_at";

  private static final Logger log = LoggerFactory.getLogger(AgentReports.class);

  private final CampaignStore store;
  private final Clock clock;
  private final DispositionService dispositions;

  AgentReports(CampaignStore store, Clock clock, DispositionService dispositions) {
    this.store = store;
    this.clock = clock;
    this.dispositions = dispositions;
  }

  /** Stores what {@code update} reports of {@code call}'s conversation, if anything. */
  void learned(CallProvider provider, Call call, CallStatusUpdate update) {
    Optional<Conversation> reported;
    try {
      reported = provider.conversation(update);
    } catch (RuntimeException e) {
      log.warn(
          "call {}: provider {} failed to read the conversation", call.id(), provider.name(), e);
      return;
    }
    if (reported == null || reported.isEmpty() || reported.get().isEmpty()) {
      return;
    }
    Conversation conversation = reported.get();
    store.saveConversation(call.tenant(), call.id(), conversation, clock.instant());
    String code = conversation.extracted().get(DISPOSITION_FIELD);
    if (code == null) {
      return;
    }
    try {
      dispositions.record(call.tenant(), call.id(), disposition(code, conversation.extracted()));
    } catch (StoreException e) {
      throw e;
    } catch (DialkitException | IllegalArgumentException e) {
      log.warn(
          "call {}: the agent's disposition {} was not recorded: {}",
          call.id(),
          Untrusted.quote(code),
          Untrusted.escape(String.valueOf(e.getMessage()), 300));
    }
  }

  private static Disposition disposition(String code, Map<String, String> extracted) {
    Map<String, String> fields = new LinkedHashMap<>(extracted);
    fields.remove(DISPOSITION_FIELD);
    String score = fields.remove(SCORE_FIELD);
    String callback = fields.remove(CALLBACK_FIELD);
    return new Disposition(
        code.trim().toLowerCase(Locale.ROOT), score(score), fields, callbackAt(callback));
  }

  private static Integer score(String value) {
    if (value == null) {
      return null;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    switch (v) {
      case "hot":
        return Disposition.HOT;
      case "warm":
        return Disposition.WARM;
      case "cold":
        return Disposition.COLD;
      default:
        try {
          return v.length() > 3 ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
          return null;
        }
    }
  }

  private static LocalDateTime callbackAt(String value) {
    if (value == null || value.length() > 40) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.trim());
    } catch (DateTimeException e) {
      return null;
    }
  }
}
