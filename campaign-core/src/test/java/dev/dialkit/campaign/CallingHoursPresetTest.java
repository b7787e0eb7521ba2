package dev.dialkit.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The legal presets, and a campaign's window narrowed by one: the narrower wins on every side. */
class CallingHoursPresetTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId MIAMI = ZoneId.of("America/New_York");
  private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

  @Test
  void thePresetsOpenInTheCalledPartysLocalTime() {
    // 2026-03-02 is a Monday; 13:00Z is 08:00 in New York
    assertThat(CallingWindow.usFederal().isOpen(Instant.parse("2026-03-02T12:59:59Z"), NEW_YORK))
        .isFalse();
    assertThat(CallingWindow.usFederal().isOpen(Instant.parse("2026-03-02T13:00:00Z"), NEW_YORK))
        .isTrue();
    assertThat(CallingWindow.usFederal().isOpen(Instant.parse("2026-03-03T01:59:59Z"), NEW_YORK))
        .as("20:59:59")
        .isTrue();
    assertThat(CallingWindow.usFederal().isOpen(Instant.parse("2026-03-03T02:00:00Z"), NEW_YORK))
        .as("21:00")
        .isFalse();
    assertThat(CallingWindow.florida().isOpen(Instant.parse("2026-03-03T01:00:00Z"), MIAMI))
        .as("20:00 in Florida")
        .isFalse();
    // 03:30Z is 09:00 in Kolkata, 15:30Z is 21:00
    assertThat(CallingWindow.india().isOpen(Instant.parse("2026-03-02T03:29:59Z"), KOLKATA))
        .isFalse();
    assertThat(CallingWindow.india().isOpen(Instant.parse("2026-03-02T03:30:00Z"), KOLKATA))
        .isTrue();
    assertThat(CallingWindow.india().isOpen(Instant.parse("2026-03-02T15:30:00Z"), KOLKATA))
        .isFalse();
    assertThat(AttemptCaps.florida()).isEqualTo(AttemptCaps.perRolling24Hours(3));
  }

  @Test
  void aWiderCampaignWindowIsNarrowedToThePreset() {
    CallingWindow own = CallingWindow.daily("07:00", "22:00").weekdays().in("America/Chicago");
    CallingWindow both = own.narrowedBy(CallingWindow.usFederal());
    assertThat(both.start()).isEqualTo(LocalTime.of(8, 0));
    assertThat(both.end()).isEqualTo(LocalTime.of(21, 0));
    assertThat(both.days())
        .isEqualTo(
            EnumSet.of(
                DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY));
    assertThat(both.zone())
        .as("the campaign's zone for leads without one")
        .isEqualTo(ZoneId.of("America/Chicago"));
    assertThat(both.overnight()).isFalse();
  }

  @Test
  void aNarrowerCampaignWindowIsKeptAndTheOrderDoesNotMatter() {
    CallingWindow own = CallingWindow.daily("10:00", "16:00");
    assertThat(own.narrowedBy(CallingWindow.florida())).isEqualTo(own);
    assertThat(CallingWindow.florida().narrowedBy(own)).isEqualTo(own);
    CallingWindow partly = CallingWindow.daily("06:00", "12:00");
    assertThat(partly.narrowedBy(CallingWindow.india()))
        .isEqualTo(CallingWindow.daily("09:00", "12:00"));
    assertThat(CallingWindow.always().narrowedBy(CallingWindow.usFederal()))
        .isEqualTo(CallingWindow.usFederal());
  }

  @Test
  void anOvernightWindowOverlappingOneEndBecomesADaytimeWindowOnTheRightDays() {
    CallingWindow evenings = CallingWindow.overnight("19:00", "02:00").on(DayOfWeek.FRIDAY);
    CallingWindow both = evenings.narrowedBy(CallingWindow.usFederal());
    assertThat(both).isEqualTo(CallingWindow.daily("19:00", "21:00").on(DayOfWeek.FRIDAY));

    CallingWindow mornings = CallingWindow.overnight("22:00", "10:00").on(DayOfWeek.SUNDAY);
    assertThat(mornings.narrowedBy(CallingWindow.usFederal()))
        .as("the part after midnight falls on Monday, across the week's end")
        .isEqualTo(CallingWindow.daily("08:00", "10:00").on(DayOfWeek.MONDAY));
  }

  @Test
  void twoOvernightWindowsMeetAcrossMidnight() {
    CallingWindow a = CallingWindow.overnight("20:00", "03:00");
    CallingWindow b = CallingWindow.overnight("22:00", "05:00");
    assertThat(a.narrowedBy(b)).isEqualTo(CallingWindow.overnight("22:00", "03:00"));
  }

  @Test
  void windowsNeverOpenTogetherOrOpenTwiceADayAreRefused() {
    assertThatThrownBy(
            () -> CallingWindow.daily("22:00", "23:00").narrowedBy(CallingWindow.usFederal()))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("never open at the same time");
    assertThatThrownBy(
            () ->
                CallingWindow.daily("09:00", "17:00")
                    .on(DayOfWeek.SATURDAY)
                    .narrowedBy(CallingWindow.daily("09:00", "17:00").weekdays()))
        .isInstanceOf(InvalidConfigurationException.class);
    assertThatThrownBy(
            () -> CallingWindow.overnight("18:00", "10:00").narrowedBy(CallingWindow.usFederal()))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("twice a day");
  }
}
