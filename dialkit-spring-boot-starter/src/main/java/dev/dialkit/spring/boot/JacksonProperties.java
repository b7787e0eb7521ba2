package dev.dialkit.spring.boot;

/** {@code dialkit.jackson.*}. */
public class JacksonProperties {
  /** Whether phone numbers are written in full; by default they are masked. */
  private boolean revealPhoneNumbers = false;

  public boolean isRevealPhoneNumbers() {
    return revealPhoneNumbers;
  }

  public void setRevealPhoneNumbers(boolean revealPhoneNumbers) {
    this.revealPhoneNumbers = revealPhoneNumbers;
  }
}
