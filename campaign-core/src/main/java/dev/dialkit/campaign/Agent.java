package dev.dialkit.campaign;

import java.net.URI;
import java.util.Map;

/**
 * What answers a call: a URL the provider fetches call instructions from (TwiML, Plivo XML), an
 * application id configured at the provider, or a hosted voice agent. {@link #variables()} are
 * passed with every call of the campaign; each lead's own variables are merged over them.
 *
 * @param kind how {@code target} is to be read
 * @param target an absolute URL for {@link Kind#ANSWER_URL}, otherwise an id
 * @param variables per-call variables for the agent; never {@code null}
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

  public Agent {
    if (kind == null) {
      throw new IllegalArgumentException("agent kind must not be null");
    }
    if (target == null || target.isBlank()) {
      throw new IllegalArgumentException("agent target must not be blank, was '" + target + "'");
    }
    if (kind == Kind.ANSWER_URL) {
      URI uri = URI.create(target);
      if (!uri.isAbsolute()
          || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
        throw new IllegalArgumentException(
            "agent answer URL must be an absolute http(s) URL, was '" + target + "'");
      }
    }
    variables = Map.copyOf(variables == null ? Map.of() : variables);
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
