package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.CallingWindow;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.DialkitEvent;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Calling windows in each lead's zone, and lead priority. The rig starts Monday 09:00 UTC. */
class WindowAndPriorityTest {
  private static final ConcurrencyPolicy FIVE =
      ConcurrencyPolicy.builder().global(5).perTenant(5).build();
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void aCampaignOutsideItsWindowIsScheduledAndContinuesAtTheNextOpeningTheNextDay() {
    // 09:00-10:00 in New York; the rig starts at 04:00 in New York, and 600 leads take longer
    // than one window at concurrency 5 (about 6 calls a minute)
    CallingWindow window = CallingWindow.daily("09:00", "10:00").in("America/New_York");
    try (DialerRig rig = new DialerRig(FIVE, p -> p)) {
      CampaignId id = rig.startCampaign("window", 600, s -> s.callingWindow(window));
      rig.scheduler.runDue();
      assertThat(rig.status(id)).isEqualTo(CampaignStatus.SCHEDULED);
      assertThat(rig.provider.calls()).isEmpty();
      assertThat(rig.events)
          .anySatisfy(
              e ->
                  assertThat(e)
                      .isInstanceOfSatisfying(
                          DialkitEvent.CampaignScheduled.class,
                          s ->
                              assertThat(s.opensAt())
                                  .isEqualTo(Instant.parse("2026-03-02T14:00:00Z"))));

      rig.runUntilStatus(id, CampaignStatus.COMPLETED);

      // every call was placed inside the window, in New York time (the leads' zone), on two days
      for (SimulatedCall call : rig.provider.calls()) {
        assertThat(window.isOpen(call.placedAt(), NEW_YORK))
            .as("placed at %s", call.placedAt())
            .isTrue();
      }
      assertThat(
              rig.provider.calls().stream()
                  .map(c -> c.placedAt().atZone(NEW_YORK).toLocalDate())
                  .distinct()
                  .count())
          .isEqualTo(2);
      assertThat(rig.events)
          .anyMatch(
              e ->
                  e instanceof DialkitEvent.CampaignResumed r
                      && "calling window opened".equals(r.reason()));
    }
  }

  @Test
  void eachLeadIsCalledInItsOwnTimeZone() {
    // 09:00-17:00 local; at 09:00 UTC it is 14:30 in Kolkata and 04:00 in New York
    CallingWindow window = CallingWindow.daily("09:00", "17:00");
    try (DialerRig rig = new DialerRig(FIVE, p -> p)) {
      CampaignId id = rig.campaign("zones", s -> s.callingWindow(window));
      rig.dialer
          .leads()
          .add(
              DialerRig.TENANT,
              id,
              List.of(
                  NewLead.of("+12125550101", "New York by number"),
                  NewLead.of("+919876543210", "India by number"),
                  new NewLead(
                      PhoneNumber.of("+12125550102"),
                      "Given zone",
                      null,
                      null,
                      Map.of(),
                      ZoneId.of("Asia/Tokyo"),
                      0)));
      rig.dialer.start();
      rig.dialer.campaigns().start(DialerRig.TENANT, id);
      rig.scheduler.advance(Duration.ofMinutes(10));

      List<String> called = rig.provider.calls().stream().map(c -> c.to().e164()).sorted().toList();
      assertThat(called).as("only India is inside its window").containsExactly("+919876543210");
      Lead tokyo =
          rig.allLeads(id).stream().filter(l -> l.name().equals("Given zone")).findFirst().get();
      assertThat(tokyo.timeZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
      Lead newYork =
          rig.allLeads(id).stream().filter(l -> l.name().startsWith("New York")).findFirst().get();
      assertThat(newYork.timeZone()).isEqualTo(NEW_YORK);

      rig.runUntilStatus(id, CampaignStatus.COMPLETED);
      for (Lead lead : rig.allLeads(id)) {
        for (SimulatedCall call : rig.providerCallsTo(lead.phone())) {
          assertThat(window.isOpen(call.placedAt(), lead.timeZone())).isTrue();
        }
      }
    }
  }

  @Test
  void aRetryThatFallsOutsideTheWindowMovesToTheNextOpening() {
    // open 09:00-09:30 UTC; a busy call's retry 30 minutes later would fall after the close
    CallingWindow window = CallingWindow.daily("09:00", "09:30");
    try (DialerRig rig = new DialerRig(FIVE, p -> p.outcomeOdds(0, 1.0, 0, 0))) {
      CampaignId id =
          rig.campaign(
              "retry window",
              s ->
                  s.callingWindow(window)
                      .retry(RetryPolicy.noAnswerAndBusy(2, Duration.ofMinutes(30))));
      rig.dialer
          .leads()
          .add(
              DialerRig.TENANT,
              id,
              List.of(
                  new NewLead(
                      PhoneNumber.of("+12125550101"),
                      null,
                      null,
                      null,
                      Map.of(),
                      ZoneId.of("UTC"),
                      0)));
      rig.dialer.start();
      rig.dialer.campaigns().start(DialerRig.TENANT, id);
      rig.scheduler.runUntil(
          () ->
              rig.allLeads(id).get(0).attempts() == 1
                  && rig.allLeads(id).get(0).state() == dev.dialkit.campaign.LeadState.QUEUED);
      assertThat(rig.allLeads(id).get(0).nextAttemptAt())
          .isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
    }
  }

  @Test
  void higherPriorityFirstThenFirstInFirstOutWithTheSeedScoreByDefault() {
    try (DialerRig rig =
        new DialerRig(ConcurrencyPolicy.builder().global(1).perTenant(1).build(), p -> p)) {
      CampaignId id = rig.campaign("priority", s -> s);
      rig.dialer
          .leads()
          .add(
              DialerRig.TENANT,
              id,
              List.of(
                  new NewLead(PhoneNumber.of("+12125550101"), null, null, null, Map.of(), null, 0),
                  new NewLead(
                      PhoneNumber.of("+12125550102"), "Named", null, null, Map.of(), null, 0),
                  new NewLead(
                      PhoneNumber.of("+12125550103"), null, "e@x.io", "Acme", Map.of(), null, 0),
                  new NewLead(
                      PhoneNumber.of("+12125550104"), "Named too", null, null, Map.of(), null, 0),
                  new NewLead(
                      PhoneNumber.of("+12125550105"), null, null, null, Map.of(), null, 500)));
      rig.dialer.start();
      rig.dialer.campaigns().start(DialerRig.TENANT, id);
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);

      List<String> order =
          rig.provider.calls().stream()
              .sorted(java.util.Comparator.comparing(SimulatedCall::placedAt))
              .map(c -> c.to().e164().substring(8))
              .toList();
      // 500 given; 100 (name) twice in insertion order; 20 (email + company); 0
      assertThat(order).containsExactly("0105", "0102", "0104", "0103", "0101");
    }
  }
}
