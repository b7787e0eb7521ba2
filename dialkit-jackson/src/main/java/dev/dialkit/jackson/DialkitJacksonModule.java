package dev.dialkit.jackson;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.Module;
import dev.dialkit.jackson.internal.DialkitDeserializers;
import dev.dialkit.jackson.internal.DialkitKeySerializers;
import dev.dialkit.jackson.internal.DialkitSerializers;
import dev.dialkit.jackson.internal.IdKeyDeserializers;
import dev.dialkit.jackson.internal.WriteOptions;

/**
 * Dialkit's JSON: register it on any {@link com.fasterxml.jackson.databind.ObjectMapper} with
 * {@code mapper.registerModule(DialkitJacksonModule.create())}.
 *
 * <p>What it writes, whatever the host mapper's settings:
 *
 * <ul>
 *   <li>the id records ({@code CampaignId}, {@code TenantId}, {@code LeadId}, {@code CallId}, and
 *       any other {@code *Id} record of {@code dev.dialkit.campaign}) as plain strings, read back
 *       from strings with a typed error ({@link
 *       com.fasterxml.jackson.databind.exc.InvalidFormatException}, path included) for a bad one;
 *   <li>{@code PhoneNumber} masked ({@code "********0123"}) unless {@link
 *       Builder#revealPhoneNumbers(boolean)} is set, then as E.164; read back from E.164 only. With
 *       reveal off, the full numbers that Dialkit keeps as text are withheld too: a timeline's
 *       caller id is masked, and raw webhook payloads, raw CSV fields and webhook request URLs and
 *       bodies are written as {@code null};
 *   <li>every {@code DialkitEvent} as one flat object: {@code type} (the event's simple class
 *       name), {@code occurredAt}, {@code tenant} and {@code campaignId} where the event has them,
 *       then the event's own fields;
 *   <li>every other record of {@code dev.dialkit.campaign} ({@code CampaignProgress}, {@code Call},
 *       {@code Lead}, {@code TimelineEntry}, {@code CallLogEntry}, {@code DialDecision}, {@code
 *       Campaign}, {@code CampaignSpec}, ...) as an object of its record components, in declaration
 *       order, nulls written as {@code null};
 *   <li>{@code Instant} as an ISO-8601 string ({@code "2025-03-03T18:00:00Z"}), even when the host
 *       writes its own dates as timestamps; {@code Duration} as a whole number of milliseconds,
 *       under the component's name with {@code Millis} appended ({@code averageDurationMillis});
 *       {@code ZoneId} and {@code LocalTime} as their ISO text; enums by name; sets of enums in
 *       declaration order and maps by key, so the output is stable.
 * </ul>
 *
 * <p>An answer URL's user info ({@code https://user:secret@host/}) is written as {@code ***}
 * always. Free text the host itself stored (a lead's name and variables) is written as given.
 *
 * <p>Immutable and thread-safe. Jackson registers one module of a type per mapper: a second {@code
 * DialkitJacksonModule} on the same mapper is ignored, so build one mapper per setting.
 */
public final class DialkitJacksonModule extends Module {
  private final boolean revealPhoneNumbers;

  private DialkitJacksonModule(Builder builder) {
    this.revealPhoneNumbers = builder.revealPhoneNumbers;
  }

  @Override
  public String getModuleName() {
    return "DialkitJacksonModule";
  }

  @Override
  public Version version() {
    return Version.unknownVersion();
  }

  @Override
  public void setupModule(SetupContext context) {
    WriteOptions options = new WriteOptions(revealPhoneNumbers);
    context.addSerializers(new DialkitSerializers(options));
    context.addKeySerializers(new DialkitKeySerializers(options));
    context.addDeserializers(new DialkitDeserializers());
    context.addKeyDeserializers(new IdKeyDeserializers());
  }

  /** The module with the defaults: phone numbers masked. */
  public static DialkitJacksonModule create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether this module writes full phone numbers; default {@code false}. */
  public boolean revealsPhoneNumbers() {
    return revealPhoneNumbers;
  }

  @Override
  public String toString() {
    return "DialkitJacksonModule[revealPhoneNumbers=" + revealPhoneNumbers + "]";
  }

  /** Builds a {@link DialkitJacksonModule}. */
  public static final class Builder {
    private boolean revealPhoneNumbers;

    private Builder() {}

    /**
     * Write phone numbers in full (E.164), with raw payloads and raw CSV fields; default {@code
     * false}: masked, and the raw text withheld. Turn it on only for a consumer entitled to see the
     * numbers, never for a browser or a log.
     */
    public Builder revealPhoneNumbers(boolean reveal) {
      this.revealPhoneNumbers = reveal;
      return this;
    }

    public DialkitJacksonModule build() {
      return new DialkitJacksonModule(this);
    }
  }
}
