package dev.dialkit.provider.twilio.internal;

import dev.dialkit.campaign.spi.FormFields;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The forms of a webhook URL that Twilio's official validators accept a signature over, because
 * "sig generation on back end is inconsistent" (twilio-java) about ports and escaping:
 *
 * <ol>
 *   <li>the URL as given (twilio-java always signs it: its {@code addPort} returns a URL with a
 *       port unchanged, its {@code removePort} one without);
 *   <li>twilio-java's {@code updatePort}: without a port, the URL with the scheme's default port
 *       ({@code :443}, else {@code :80}); with any port, the URL without it. Rebuilt with the
 *       seven-argument {@link URI} constructor from the decoded components, which re-quotes them;
 *   <li>twilio-node's {@code validateRequest}: {@code removePort} and {@code addPort} of {@code new
 *       URL(url)} ({@link WhatwgUrl}), and each again with its query in Node's legacy querystring
 *       encoding ({@link LegacyQuerystring}).
 * </ol>
 *
 * <p>One restriction, deliberate: a form whose query, decoded, differs from the received query is
 * dropped. Only twilio-java's re-quoting can do that ({@code %26} decoded to a separator, {@code
 * %2B} to a {@code +} that then reads as a space), and a signature over such a form would vouch for
 * parameters other than the ones Dialkit reads. No official test vector needs it.
 */
public final class TwilioUrlForms {
  private TwilioUrlForms() {}

  /** The forms of {@code url} to check a signature against, the URL as given first. */
  public static List<String> of(URI url) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(url.toString());
    Optional<Map<String, List<String>>> meaning = meaning(url.getRawQuery());
    List<String> others = new ArrayList<>();
    javaForm(url).ifPresent(others::add);
    WhatwgUrl.parse(url)
        .ifPresent(
            w -> {
              others.add(w.withoutPort().href());
              others.add(w.withDefaultPort());
              legacy(w.withoutPort()).ifPresent(others::add);
              legacy(w).ifPresent(others::add);
            });
    for (String form : others) {
      if (meaning.isPresent() && rawQuery(form).flatMap(TwilioUrlForms::meaning).equals(meaning)) {
        forms.add(form);
      }
    }
    return List.copyOf(forms);
  }

  /** twilio-java's {@code addPort} / {@code removePort} through {@code updatePort}. */
  private static Optional<String> javaForm(URI url) {
    if (url.getHost() == null) {
      return Optional.empty(); // twilio-java falls back to the URL as given
    }
    int port = url.getPort() == -1 ? ("https".equals(url.getScheme()) ? 443 : 80) : -1;
    try {
      URI rebuilt =
          new URI(
              url.getScheme(),
              url.getUserInfo(),
              url.getHost(),
              port,
              url.getPath(),
              url.getQuery(),
              url.getFragment());
      return Optional.of(rebuilt.toString());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** twilio-node's {@code withLegacyQuerystring}: the query, if any, re-encoded and put last. */
  private static Optional<String> legacy(WhatwgUrl url) {
    if (url.query() == null || url.query().isEmpty()) {
      return Optional.empty(); // Node returns the URL unchanged: already a form
    }
    String query = LegacyQuerystring.of(url.query());
    // Node clears the search and appends "?" + query to the serialisation, after any fragment
    return query == null ? Optional.empty() : Optional.of(url.withQuery(null).href() + "?" + query);
  }

  private static Optional<String> rawQuery(String form) {
    try {
      return Optional.of(new URI(form)).map(u -> u.getRawQuery() == null ? "" : u.getRawQuery());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static Optional<Map<String, List<String>>> meaning(String rawQuery) {
    return FormFields.decode(rawQuery).map(FormFields::byName);
  }
}
