package dev.dialkit.store.mongo.internal;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.AutoPause;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CallerIdRotation;
import dev.dialkit.campaign.CallingWindow;
import dev.dialkit.campaign.CampaignSchedule;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.DispositionCode;
import dev.dialkit.campaign.DispositionSet;
import dev.dialkit.campaign.Pacing;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.RetryPolicy;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/** Maps a {@link CampaignSpec} to its BSON document and back, field for field. */
final class SpecCodec {
  private SpecCodec() {}

  static Document spec(CampaignSpec s) {
    CallingWindow w = s.callingWindow();
    RetryPolicy r = s.retry();
    return new Document("name", s.name())
        .append(
            "agent",
            new Document("kind", s.agent().kind().name())
                .append("target", s.agent().target())
                .append("variables", Codec.pairs(s.agent().variables())))
        .append("callerIds", s.callerIds().stream().map(PhoneNumber::e164).toList())
        .append("provider", s.provider())
        .append("failover", s.failover())
        .append("dispositions", dispositions(s.dispositions()))
        .append("maxConcurrentCalls", s.maxConcurrentCalls())
        .append("ringTimeout", Codec.nanos(s.ringTimeout()))
        .append("maxCallDuration", Codec.nanos(s.maxCallDuration()))
        .append("machineDetection", s.machineDetection())
        .append("record", s.record())
        .append(
            "retry",
            new Document("retryOn", r.retryOn().stream().map(Enum::name).sorted().toList())
                .append("maxAttempts", r.maxAttempts())
                .append("backoff", Codec.nanos(r.backoff())))
        .append(
            "callingWindow",
            new Document("start", w.start().toString())
                .append("end", w.end().toString())
                .append("days", w.days().stream().sorted().map(Enum::name).toList())
                .append("zone", w.zone().getId())
                .append("overnight", w.overnight()))
        .append("callerIdRotation", s.callerIdRotation().name())
        .append(
            "autoPause",
            s.autoPause() == null
                ? null
                : new Document("window", s.autoPause().window())
                    .append("maxFailureRate", s.autoPause().maxFailureRate()))
        .append(
            "schedule",
            s.schedule() == null
                ? null
                : new Document("start", Codec.date(s.schedule().start()))
                    .append("end", Codec.date(s.schedule().end())))
        .append(
            "pacing",
            new Document("mode", s.pacing().mode().name())
                .append("deadline", Codec.date(s.pacing().deadline()))
                .append("expectedHandleTime", Codec.nanos(s.pacing().expectedHandleTime())));
  }

  /** The schedule of a stored spec document, or null (also for specs stored before schedules). */
  static CampaignSchedule schedule(Document spec) {
    Document s = spec == null ? null : spec.get("schedule", Document.class);
    return s == null
        ? null
        : new CampaignSchedule(Codec.instant(s, "start"), Codec.instant(s, "end"));
  }

  private static Pacing pacing(Document p) {
    return p == null
        ? Pacing.asFastAsAllowed()
        : new Pacing(
            Pacing.Mode.valueOf(p.getString("mode")),
            Codec.instant(p, "deadline"),
            Codec.duration(p, "expectedHandleTime"));
  }

  static CampaignSpec spec(Document d) {
    Document agent = d.get("agent", Document.class);
    Document retry = d.get("retry", Document.class);
    Document window = d.get("callingWindow", Document.class);
    Document autoPause = d.get("autoPause", Document.class);
    return new CampaignSpec(
        d.getString("name"),
        new Agent(
            Agent.Kind.valueOf(agent.getString("kind")),
            agent.getString("target"),
            Codec.map(agent, "variables")),
        d.getList("callerIds", String.class).stream().map(PhoneNumber::of).toList(),
        d.getString("provider"),
        d.getInteger("maxConcurrentCalls"),
        Codec.duration(d, "ringTimeout"),
        Codec.duration(d, "maxCallDuration"),
        d.getBoolean("machineDetection"),
        d.getBoolean("record"),
        new RetryPolicy(
            enums(CallStatus.class, retry.getList("retryOn", String.class)),
            retry.getInteger("maxAttempts"),
            Codec.duration(retry, "backoff")),
        new CallingWindow(
            LocalTime.parse(window.getString("start")),
            LocalTime.parse(window.getString("end")),
            enums(DayOfWeek.class, window.getList("days", String.class)),
            ZoneId.of(window.getString("zone")),
            window.getBoolean("overnight")),
        CallerIdRotation.valueOf(d.getString("callerIdRotation")),
        autoPause == null
            ? null
            : new AutoPause(autoPause.getInteger("window"), autoPause.getDouble("maxFailureRate")),
        // absent from specs stored before failover existed
        d.containsKey("failover") ? d.getList("failover", String.class) : List.of(),
        // absent from specs stored before dispositions existed
        dispositions(d.get("dispositions", Document.class)),
        schedule(d),
        pacing(d.get("pacing", Document.class)));
  }

  private static Document dispositions(DispositionSet set) {
    if (set.equals(DispositionSet.none())) {
      return null;
    }
    return new Document("callbacksCountAsAttempts", set.callbacksCountAsAttempts())
        .append(
            "codes",
            set.codes().stream()
                .map(
                    c ->
                        new Document("code", c.code())
                            .append("success", c.success())
                            .append("doNotCall", c.doNotCall())
                            .append("callback", c.callback())
                            .append("stop", c.stop()))
                .toList());
  }

  private static DispositionSet dispositions(Document d) {
    if (d == null) {
      return DispositionSet.none();
    }
    return new DispositionSet(
        d.getList("codes", Document.class).stream()
            .map(
                c ->
                    new DispositionCode(
                        c.getString("code"),
                        c.getBoolean("success"),
                        c.getBoolean("doNotCall"),
                        c.getBoolean("callback"),
                        c.getBoolean("stop")))
            .toList(),
        d.getBoolean("callbacksCountAsAttempts"));
  }

  private static <E extends Enum<E>> Set<E> enums(Class<E> type, List<String> names) {
    EnumSet<E> set = EnumSet.noneOf(type);
    names.forEach(n -> set.add(Enum.valueOf(type, n)));
    return set;
  }
}
