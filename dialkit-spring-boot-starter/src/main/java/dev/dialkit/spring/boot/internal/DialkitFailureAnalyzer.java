package dev.dialkit.spring.boot.internal;

import dev.dialkit.campaign.InvalidConfigurationException;
import java.util.Locale;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start-up failure on a Dialkit setting into Spring Boot's "APPLICATION FAILED TO START"
 * report, naming the property to fix: Dialkit's builders name their own fields ({@code
 * pollInterval}), the application sets properties ({@code dialkit.poll-interval}).
 */
public final class DialkitFailureAnalyzer
    extends AbstractFailureAnalyzer<InvalidConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationException cause) {
    return new FailureAnalysis(
        "Dialkit could not be configured: " + cause.getMessage(), action(cause.field()), cause);
  }

  static String action(String field) {
    if (field.startsWith("dialkit.")) {
      return "Set " + field + " as the message says.";
    }
    String kebab = field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    return "Correct the dialkit.* property ending in '"
        + kebab
        + "' (dialkit."
        + kebab
        + " for the dialer, dialkit.providers.<provider>."
        + kebab
        + " for a provider), or the '"
        + field
        + "' a DialkitDialerCustomizer sets.";
  }
}
