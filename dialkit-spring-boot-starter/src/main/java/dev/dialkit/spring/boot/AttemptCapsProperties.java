package dev.dialkit.spring.boot;

/** {@code dialkit.attempt-caps.*}: the {@code AttemptCaps}; 0 means no cap. */
public class AttemptCapsProperties {
  /** Calls to one number in any 24 hours, across every campaign of a tenant; 0 (no cap) to 1000. */
  private int perRolling24Hours = 0;

  /** Calls to one number per calendar day in the lead's time zone; 0 (no cap) to 1000. */
  private int perCalendarDay = 0;

  public int getPerRolling24Hours() {
    return perRolling24Hours;
  }

  public void setPerRolling24Hours(int perRolling24Hours) {
    this.perRolling24Hours = perRolling24Hours;
  }

  public int getPerCalendarDay() {
    return perCalendarDay;
  }

  public void setPerCalendarDay(int perCalendarDay) {
    this.perCalendarDay = perCalendarDay;
  }
}
