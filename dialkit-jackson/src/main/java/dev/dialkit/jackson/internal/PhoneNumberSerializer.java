package dev.dialkit.jackson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import dev.dialkit.campaign.PhoneNumber;
import java.io.IOException;

/** A phone number as a string: masked ({@code ********0123}), or E.164 when revealed. */
final class PhoneNumberSerializer extends StdScalarSerializer<PhoneNumber> {
  private static final long serialVersionUID = 1L;

  private final boolean reveal;

  PhoneNumberSerializer(WriteOptions options) {
    super(PhoneNumber.class);
    this.reveal = options.revealPhoneNumbers();
  }

  @Override
  public void serialize(PhoneNumber value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeString(reveal ? value.e164() : value.masked());
  }
}
