package dev.dialkit.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import dev.dialkit.campaign.PhoneNumber;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhoneNumberJsonTest {
  private static final PhoneNumber NUMBER = PhoneNumber.of(Samples.LEAD_NUMBER);

  record Contact(PhoneNumber phone) {}

  @Test
  void aNumberIsMaskedByDefaultAndE164WhenRevealed() throws Exception {
    ObjectMapper masked = new ObjectMapper().registerModule(DialkitJacksonModule.create());
    ObjectMapper revealed =
        new ObjectMapper()
            .registerModule(DialkitJacksonModule.builder().revealPhoneNumbers(true).build());

    assertThat(masked.writeValueAsString(NUMBER)).isEqualTo("\"********0123\"");
    assertThat(masked.writeValueAsString(List.of(new Contact(NUMBER))))
        .isEqualTo("[{\"phone\":\"********0123\"}]");
    assertThat(revealed.writeValueAsString(NUMBER)).isEqualTo("\"+14155550123\"");
    // as a map key in the host's own types too
    assertThat(masked.writeValueAsString(Map.of(NUMBER, 1))).isEqualTo("{\"********0123\":1}");
    assertThat(revealed.writeValueAsString(Map.of(NUMBER, 1))).isEqualTo("{\"+14155550123\":1}");
    assertThat(DialkitJacksonModule.create().revealsPhoneNumbers()).isFalse();
  }

  @Test
  void aSecondDialkitModuleOnTheSameMapperIsIgnoredAsTheReadmeSays() throws Exception {
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(DialkitJacksonModule.create())
            .registerModule(DialkitJacksonModule.builder().revealPhoneNumbers(true).build());
    assertThat(mapper.writeValueAsString(NUMBER)).isEqualTo("\"********0123\"");
  }

  @Test
  void aNumberIsReadFromE164AndAnInvalidOneIsATypedErrorThatDoesNotRepeatIt() throws Exception {
    ObjectMapper mapper = new ObjectMapper().registerModule(DialkitJacksonModule.create());
    assertThat(mapper.readValue("{\"phone\":\"+14155550123\"}", Contact.class).phone())
        .isEqualTo(NUMBER);

    // a masked number, and a number that is not E.164
    for (String bad : List.of("********0123", "+1415555012345678", "4155550199")) {
      assertThatThrownBy(() -> mapper.readValue("{\"phone\":\"" + bad + "\"}", Contact.class))
          .as(bad)
          .isInstanceOfSatisfying(
              InvalidFormatException.class,
              e -> {
                assertThat(e.getTargetType()).isEqualTo(PhoneNumber.class);
                assertThat(e.getPathReference()).contains("phone");
                assertThat(e.getOriginalMessage()).startsWith("Invalid PhoneNumber: phone number");
                assertThat(e.getMessage()).doesNotContain("4155550199");
                assertThat(e.getValue()).isNull();
              });
    }
  }
}
