package dev.dialkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.CampaignStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The quickstart's campaign, at 200 leads, on virtual time. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard only; the run takes well under that
class QuickstartMainTest {
  private static final int LEADS = 200;
  private static final List<CampaignProgress> steps = new ArrayList<>();
  private static QuickstartResult result;

  @BeforeAll
  static void runCampaign() {
    result = QuickstartMain.run(new QuickstartOptions(LEADS, 20), steps::add);
  }

  @Test
  void campaignCompletesWithEveryLeadFinished() {
    CampaignProgress p = result.progress();
    assertThat(p.status()).isEqualTo(CampaignStatus.COMPLETED);
    assertThat(p.total()).isEqualTo(LEADS);
    assertThat(p.finished()).isEqualTo(LEADS);
    assertThat(p.queued() + p.inProgress()).isZero();
    assertThat(p.callsEnded()).isEqualTo(p.callsPlaced());
    assertThat(p.completed() + p.voicemail() + p.busy() + p.noAnswer() + p.callsFailed())
        .isEqualTo(p.callsPlaced());
    // busy and unanswered leads are called a second time, never a third
    assertThat(p.callsPlaced()).isGreaterThan(LEADS).isLessThanOrEqualTo(2L * LEADS);
  }

  @Test
  void stepsSeeTheCampaignAdvanceWithinTheLimit() {
    assertThat(steps).isNotEmpty();
    assertThat(steps).allSatisfy(p -> assertThat(p.inProgress()).isBetween(0L, 20L));
    assertThat(steps).extracting(CampaignProgress::finished).isSorted();
    assertThat(steps.get(steps.size() - 1).status()).isEqualTo(CampaignStatus.COMPLETED);
  }

  @Test
  void summaryHasEveryRowInOrder() {
    Map<String, String> rows = QuickstartReport.summaryRows(result);
    assertThat(rows.keySet())
        .containsExactly(
            "Total leads",
            "Calls placed",
            "Completed",
            "Voicemail",
            "Busy",
            "No answer",
            "Failed",
            "Answer rate",
            "Success rate",
            "Average duration",
            "Total talk time",
            "Virtual elapsed",
            "Wall time");
    assertThat(rows)
        .containsEntry("Total leads", "200")
        .containsEntry("Calls placed", String.valueOf(result.progress().callsPlaced()))
        .containsEntry("Busy", String.valueOf(result.progress().busy()));
    assertThat(rows.get("Answer rate")).matches("\\d{1,3}\\.\\d %");
    assertThat(rows.get("Virtual elapsed")).matches("\\d+h \\d\\dm \\d\\ds");

    String summary = QuickstartReport.summary(result);
    assertThat(summary).contains("Campaign COMPLETED");
    // the value column is right-aligned: every row has the same length
    List<String> lines = summary.lines().filter(l -> l.matches("[A-Z].*\\d.*")).toList();
    assertThat(lines).hasSize(rows.size());
    assertThat(lines).extracting(String::length).containsOnly(lines.get(0).length());
  }

  @Test
  void timelinesShowACompletedARetriedAndAVoicemailCall() {
    assertThat(result.timelines())
        .extracting(CallTimeline::title)
        .satisfiesExactly(
            t -> assertThat(t).startsWith("Completed: call "),
            t ->
                assertThat(t)
                    .matches("(Busy|No answer), then .+ on retry: calls .+\\.1 and \\.2 to .+"),
            t -> assertThat(t).startsWith("Voicemail: call "));
    assertThat(result.timelines())
        .allSatisfy(
            t ->
                assertThat(t.entries())
                    .extracting(e -> e.event())
                    .contains(CallLogEvent.CALL_INITIATED, CallLogEvent.STATUS_APPLIED));
    // the retried lead's timeline holds both calls
    assertThat(result.timelines().get(1).entries())
        .filteredOn(e -> e.event() == CallLogEvent.CALL_INITIATED)
        .hasSize(2);
  }

  @Test
  void reportNeverShowsAFullPhoneNumber() {
    String report = QuickstartReport.summary(result) + QuickstartReport.timelines(result);
    // PhoneNumber.toString() shows the last four digits only
    assertThat(report).doesNotContainPattern("\\+\\d{6,}").containsPattern("\\*{6,}\\d{4}");
    assertThat(report).containsPattern("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  CALL_INITIATED");
  }

  @Test
  void optionsAreParsedAndCheckedWithClearMessages() {
    assertThat(QuickstartOptions.parse()).isEqualTo(QuickstartOptions.defaults());
    assertThat(QuickstartOptions.parse("--leads", "50", "--concurrency=5"))
        .isEqualTo(new QuickstartOptions(50, 5, DemoStore.DEFAULT, false));
    assertThat(QuickstartOptions.parse("--store", "memory", "--twilio"))
        .isEqualTo(new QuickstartOptions(1000, 20, "memory", true));
    assertThatThrownBy(() -> DemoStore.open("redis://localhost"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--store must be memory, a JDBC URL or a MongoDB connection string");
    assertThatThrownBy(() -> QuickstartOptions.parse("--leads", "0"))
        .hasMessage("--leads must be between 1 and 100000, was 0");
    assertThatThrownBy(() -> QuickstartOptions.parse("--concurrency", "lots"))
        .hasMessage("--concurrency must be a whole number, was 'lots'");
    assertThatThrownBy(() -> QuickstartOptions.parse("--leads"))
        .hasMessage("--leads needs a number");
    assertThatThrownBy(() -> QuickstartOptions.parse("--leads", "--concurrency", "3"))
        .hasMessage("--leads needs a number");
    assertThatThrownBy(() -> QuickstartOptions.parse("--speed", "9"))
        .hasMessage("unknown option '--speed'");
  }
}
