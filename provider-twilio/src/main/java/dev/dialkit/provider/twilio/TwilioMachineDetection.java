package dev.dialkit.provider.twilio;

/**
 * Twilio's answering machine detection modes, the values of the create request's {@code
 * MachineDetection} parameter (twilio-oai {@code twilio_api_v2010.json}, {@code CreateCall}).
 */
public enum TwilioMachineDetection {
  /**
   * {@code Enable}: Twilio reports {@code AnsweredBy} as soon as it has identified the called party
   * ({@code human}, {@code machine_start}, {@code fax}, {@code unknown}). The default.
   */
  ENABLE("Enable"),
  /**
   * {@code DetectMessageEnd}: on a machine, Twilio waits for the end of the greeting ({@code
   * machine_end_beep}, {@code machine_end_silence}, {@code machine_end_other}), for a host that
   * leaves a message; a human or a fax is reported at once.
   */
  DETECT_MESSAGE_END("DetectMessageEnd");

  private final String wire;

  TwilioMachineDetection(String wire) {
    this.wire = wire;
  }

  /** The value sent as {@code MachineDetection}. */
  public String wireValue() {
    return wire;
  }
}
