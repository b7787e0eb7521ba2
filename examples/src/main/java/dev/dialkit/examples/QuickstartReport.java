package dev.dialkit.examples;

import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.TimelineEntry;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Formats a {@link QuickstartResult} as plain text: a summary table and the call timelines. */
final class QuickstartReport {
  /** Virtual clock times, as the call log shows them. */
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private QuickstartReport() {}

  /** The summary's rows, label to value, in display order. */
  static Map<String, String> summaryRows(QuickstartResult result) {
    CampaignProgress p = result.progress();
    Map<String, String> rows = new LinkedHashMap<>();
    rows.put("Total leads", count(p.total()));
    rows.put("Calls placed", count(p.callsPlaced()));
    rows.put("Completed", count(p.completed()));
    rows.put("Voicemail", count(p.voicemail()));
    rows.put("Busy", count(p.busy()));
    rows.put("No answer", count(p.noAnswer()));
    rows.put("Failed", count(p.callsFailed()));
    rows.put("Answer rate", percent(p.answerRate()));
    rows.put("Success rate", percent(p.successRate()));
    rows.put("Average duration", seconds(p.averageDuration()));
    rows.put("Total talk time", hms(p.totalTalkTime()));
    rows.put("Virtual elapsed", hms(p.elapsed()));
    rows.put("Wall time", seconds(result.wallTime()));
    return rows;
  }

  /** The summary table, one aligned row per line. */
  static String summary(QuickstartResult result) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%nCampaign %s%n", result.progress().status()));
    out.append("-".repeat(36)).append('\n');
    summaryRows(result)
        .forEach((label, value) -> out.append(String.format("%-20s %15s%n", label, value)));
    return out.toString();
  }

  /** Each timeline under its title: virtual time, event, status and detail of every entry. */
  static String timelines(QuickstartResult result) {
    StringBuilder out = new StringBuilder();
    for (CallTimeline timeline : result.timelines()) {
      out.append(String.format("%n%s%n", timeline.title()));
      for (TimelineEntry e : timeline.entries()) {
        out.append(
            String.format(
                "  %s  %-17s %-10s %s%n",
                TIME.format(e.at()), e.event(), e.status() == null ? "" : e.status(), e.detail()));
      }
    }
    return out.toString();
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  private static String hms(Duration d) {
    return String.format(
        Locale.ROOT, "%dh %02dm %02ds", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
  }
}
