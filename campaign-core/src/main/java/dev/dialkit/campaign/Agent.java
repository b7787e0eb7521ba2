package dev.dialkit.campaign;

import dev.dialkit.campaign.spi.Untrusted;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * What answers a call: a URL the provider fetches call instructions from (TwiML, Plivo XML), an
 * application id configured at the provider, or a hosted voice agent. {@link #variables()} are
 * passed with every call of the campaign; each lead's own variables are merged over them.
 *
 * @param kind how {@code target} is to be read
 * @param target an absolute http(s) URL for {@link Kind#ANSWER_URL}, otherwise an id; at most
 *     {@value #MAX_TARGET_LENGTH} characters, no control characters
 * @param variables per-call variables for the agent; never {@code null}; keys and values as for
 *     {@link NewLead#variables()}
 */
public record Agent(Kind kind, String target, Map<String, String> variables) {
  /** How a provider should connect the answered call. */
  public enum Kind {
    /** The provider fetches instructions from this URL when the call is answered. */
    ANSWER_URL,
    /** A call flow configured at the provider (Twilio ApplicationSid, SansPBX appid). */
    APPLICATION,
    /** A hosted voice agent (for example a Bolna agent id). */
    HOSTED_AGENT
  }

  /** {@value}: the longest target, an answer URL or an id at the provider. */
  public static final int MAX_TARGET_LENGTH = 2000;

  /**
   * {@value}: the most variables a campaign's agent may have ({@link CampaignSpec} checks it). An
   * agent itself holds up to twice as many: for each call the lead's own (at most {@link
   * NewLead#MAX_VARIABLES}) are merged over the campaign's.
   */
  public static final int MAX_VARIABLES = 32;

  public Agent {
    InvalidConfigurationException.required("agent.kind", kind);
    if (target == null || target.isBlank()) {
      throw new InvalidConfigurationException(
          "agent.target", Untrusted.quote(target), "must not be blank");
    }
    if (target.length() > MAX_TARGET_LENGTH) {
      throw TextRules.tooLong(target, MAX_TARGET_LENGTH).config("agent.target");
    }
    if (target.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidConfigurationException(
          "agent.target", shown(target), "must not contain control characters");
    }
    if (kind == Kind.ANSWER_URL) {
      checkAnswerUrl(target);
    }
    if (variables == null) {
      variables = Map.of();
    }
    TextRules.Problem problem =
        TextRules.variables(
            variables,
            MAX_VARIABLES + NewLead.MAX_VARIABLES,
            NewLead.MAX_VARIABLE_KEY_LENGTH,
            NewLead.MAX_VARIABLE_VALUE_LENGTH);
    if (problem != null) {
      throw problem.config("agent.variables");
    }
    variables = Map.copyOf(variables);
  }

  /** An absolute http(s) URL with a host: what a provider can fetch. */
  private static void checkAnswerUrl(String target) {
    URI uri;
    try {
      uri = new URI(target);
    } catch (URISyntaxException e) {
      throw new InvalidConfigurationException(
          "agent.target", shown(target), "must be an absolute http(s) URL");
    }
    if (!uri.isAbsolute()
        || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
        || uri.getHost() == null) {
      throw new InvalidConfigurationException(
          "agent.target", shown(target), "must be an absolute http(s) URL");
    }
  }

  /**
   * {@code target} as it may appear in a message: escaped, capped, and with any user info ({@code
   * https://user:secret@host/}) hidden, since an answer URL may carry credentials.
   */
  private static String shown(String target) {
    return Untrusted.quote(target.replaceFirst("^([^:/?#]*://)[^/?#]*@", "$1***@"));
  }

  public static Agent answerUrl(String url) {
    return new Agent(Kind.ANSWER_URL, url, Map.of());
  }

  public static Agent application(String id) {
    return new Agent(Kind.APPLICATION, id, Map.of());
  }

  public static Agent hosted(String agentId) {
    return new Agent(Kind.HOSTED_AGENT, agentId, Map.of());
  }

  /** This agent with {@code variables} replacing its variables. */
  public Agent withVariables(Map<String, String> variables) {
    return new Agent(kind, target, variables);
  }
}
