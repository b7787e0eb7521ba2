package dev.dialkit.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every field of a campaign spec and its agent: a bad one is an InvalidConfigurationException. */
class CampaignSpecValidationTest {
  private static final Agent AGENT = Agent.answerUrl("https://agent.example/answer");

  private static CampaignSpec.Builder valid() {
    return CampaignSpec.builder().name("Q1 push").agent(AGENT).callerIds("+14155550199");
  }

  /** Asserts the exception, its field, its value as shown and its whole message. */
  static void rejects(ThrowingCallable make, String field, String value, String requirement) {
    assertThatThrownBy(make)
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.value()).isEqualTo(value);
              assertThat(e).hasMessage(field + " " + requirement + ", was " + value);
              assertThat(e.getMessage()).doesNotContain("\r", "\n", "\0");
            });
  }

  @Test
  void namesAreOneLineOfAtMost200Characters() {
    rejects(
        () -> valid().name("Q1\r\nINFO campaign deleted"),
        "name",
        "'Q1\\r\\nINFO campaign deleted'",
        "must not contain control characters or line breaks (tab is allowed)");
    rejects(
        () -> valid().name("x".repeat(201)),
        "name",
        "201 characters",
        "must be at most 200 characters");
    assertThat(valid().name("Q1\tpush").build().name()).isEqualTo("Q1\tpush");
  }

  @Test
  void theRecordChecksWhatTheBuilderChecks() {
    CampaignSpec spec = valid().build();
    rejects(
        () ->
            new CampaignSpec(
                "a\u0000b",
                spec.agent(),
                spec.callerIds(),
                null,
                null,
                spec.ringTimeout(),
                spec.maxCallDuration(),
                false,
                false,
                spec.retry(),
                spec.callingWindow(),
                spec.callerIdRotation(),
                null),
        "name",
        "'a\\u0000b'",
        "must not contain control characters or line breaks (tab is allowed)");
    rejects(
        () ->
            new CampaignSpec(
                spec.name(),
                spec.agent(),
                Arrays.asList(PhoneNumber.of("+14155550199"), null),
                null,
                null,
                spec.ringTimeout(),
                spec.maxCallDuration(),
                false,
                false,
                spec.retry(),
                spec.callingWindow(),
                spec.callerIdRotation(),
                null),
        "callerIds",
        "null",
        "must not hold null");
  }

  @Test
  void callerIdsMustBeValidDistinctNumbersAndAreShownMasked() {
    rejects(
        () -> valid().callerIds("4155550100"),
        "callerIds",
        "'******0100'",
        "must be E.164 (+ and 7 to 15 digits)");
    rejects(
        () -> valid().callerIds("+1415555\n0100"),
        "callerIds",
        "'*********0100'",
        "must not contain control characters");
    rejects(() -> valid().callerIds((String) null), "callerIds", "null", "is required");
    rejects(() -> valid().callerIds((String[]) null), "callerIds", "null", "is required");
    rejects(() -> valid().callerIds((List<PhoneNumber>) null), "callerIds", "null", "is required");
    rejects(
        () -> valid().callerIds(Arrays.asList((PhoneNumber) null)),
        "callerIds",
        "null",
        "must not hold null");
    rejects(
        () -> valid().callerIds("+14155550199").build(),
        "callerIds",
        "********0199",
        "must not repeat a number");
    List<PhoneNumber> many = new ArrayList<>();
    for (int i = 0; i <= CampaignSpec.MAX_CALLER_IDS; i++) {
      many.add(PhoneNumber.of("+1415" + (2_000_000 + i)));
    }
    rejects(
        () -> CampaignSpec.builder().name("x").agent(AGENT).callerIds(many).build(),
        "callerIds",
        "1001 numbers",
        "must hold at most 1000 numbers");
  }

  @Test
  void aProviderIsNamedAsTheDialerNamesProviders() {
    rejects(() -> valid().provider("  "), "provider", "'  '", "must not be blank");
    rejects(
        () -> valid().provider("twilio\r\nX"),
        "provider",
        "'twilio\\r\\nX'",
        "must be 1 to 32 letters, digits or '-'");
    rejects(
        () -> valid().provider("p".repeat(33)),
        "provider",
        "'" + "p".repeat(33) + "'",
        "must be 1 to 32 letters, digits or '-'");
    assertThat(valid().provider("twilio-eu").build().provider()).isEqualTo("twilio-eu");
    assertThat(valid().provider(null).build().provider()).isNull();
  }

  @Test
  void settersCheckAtOnce() {
    rejects(() -> valid().maxConcurrentCalls(0), "maxConcurrentCalls", "0", "must be >= 1");
    rejects(
        () -> valid().ringTimeout(null), "ringTimeout", "null", "must be between PT5S and PT10M");
    rejects(
        () -> valid().ringTimeout(Duration.ofMinutes(11)),
        "ringTimeout",
        "PT11M",
        "must be between PT5S and PT10M");
    rejects(
        () -> valid().maxCallDuration(Duration.ofHours(25)),
        "maxCallDuration",
        "PT25H",
        "must be between PT1S and PT24H");
    rejects(() -> valid().retry(null), "retry", "null", "is required");
    rejects(() -> valid().callingWindow(null), "callingWindow", "null", "is required");
    rejects(() -> valid().callerIdRotation(null), "callerIdRotation", "null", "is required");
    rejects(() -> valid().agent(null), "agent", "null", "is required");
  }

  @Test
  void aCampaignsAgentHasAtMost32Variables() {
    Map<String, String> vars = new LinkedHashMap<>();
    for (int i = 0; i <= Agent.MAX_VARIABLES; i++) {
      vars.put("k" + i, "v");
    }
    Agent agent = AGENT.withVariables(vars); // an agent may hold more: the merge with a lead's
    rejects(
        () -> valid().agent(agent),
        "agent.variables",
        "33 entries",
        "must hold at most 32 entries");
  }

  @Test
  void agentKindAndTargetAreRequired() {
    rejects(() -> new Agent(null, "x", Map.of()), "agent.kind", "null", "is required");
    rejects(() -> Agent.application(null), "agent.target", "null", "must not be blank");
    rejects(() -> Agent.hosted(" "), "agent.target", "' '", "must not be blank");
    rejects(
        () -> Agent.application("AP123\r\nX"),
        "agent.target",
        "'AP123\\r\\nX'",
        "must not contain control characters");
    rejects(
        () -> Agent.hosted("a".repeat(Agent.MAX_TARGET_LENGTH + 1)),
        "agent.target",
        "2001 characters",
        "must be at most 2000 characters");
  }

  @Test
  void anAnswerUrlIsAnAbsoluteHttpUrlWithAHost() {
    String rule = "must be an absolute http(s) URL";
    rejects(() -> Agent.answerUrl("/answer"), "agent.target", "'/answer'", rule);
    rejects(
        () -> Agent.answerUrl("ftp://agent.example/a"),
        "agent.target",
        "'ftp://agent.example/a'",
        rule);
    rejects(() -> Agent.answerUrl("https:opaque"), "agent.target", "'https:opaque'", rule);
    rejects(() -> Agent.answerUrl("https:///path"), "agent.target", "'https:///path'", rule);
    // a syntax error was an IllegalArgumentException from URI.create, with the raw URL in it
    rejects(
        () -> Agent.answerUrl("https://agent.example/a b"),
        "agent.target",
        "'https://agent.example/a b'",
        rule);
    assertThat(Agent.answerUrl("http://localhost:8080/answer?x=1").target())
        .isEqualTo("http://localhost:8080/answer?x=1");
  }

  @Test
  void anAnswerUrlsCredentialsAreNeverShown() {
    rejects(
        () -> Agent.answerUrl("gopher://user:s3cret@agent.example/a"),
        "agent.target",
        "'gopher://***@agent.example/a'",
        "must be an absolute http(s) URL");
  }

  @Test
  void agentVariablesFollowTheLeadRules() {
    rejects(
        () -> AGENT.withVariables(Map.of("bad key", "v")),
        "agent.variables",
        "'bad key'",
        "keys must be 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or '_'");
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("greeting", null);
    rejects(
        () -> AGENT.withVariables(nullValue),
        "agent.variables.greeting",
        "null",
        "must not be null");
    Map<String, String> merged = new LinkedHashMap<>();
    for (int i = 0; i < Agent.MAX_VARIABLES + NewLead.MAX_VARIABLES; i++) {
      merged.put("k" + i, "v");
    }
    assertThat(AGENT.withVariables(merged).variables()).hasSize(64);
    merged.put("one_more", "v");
    rejects(
        () -> AGENT.withVariables(merged),
        "agent.variables",
        "65 entries",
        "must hold at most 64 entries");
  }

  @Test
  void failoverProvidersAreCheckedAndKeptInOrder() {
    assertThat(valid().provider("a").failover("b", "c").build().failover())
        .containsExactly("b", "c");
    assertThat(valid().build().failover()).isEmpty();
    assertThatThrownBy(() -> valid().provider("a").failover("b", "b").build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("failover");
    assertThatThrownBy(() -> valid().failover("b").provider("b").build())
        .as("the primary named after its failover")
        .isInstanceOf(InvalidConfigurationException.class);
    assertThatThrownBy(() -> valid().failover("a", "b", "c", "d", "e", "f"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("at most 5");
    assertThatThrownBy(() -> valid().failover("no spaces"))
        .isInstanceOf(InvalidConfigurationException.class);
    assertThatThrownBy(() -> valid().failover((String) null))
        .isInstanceOf(InvalidConfigurationException.class);
  }
}
