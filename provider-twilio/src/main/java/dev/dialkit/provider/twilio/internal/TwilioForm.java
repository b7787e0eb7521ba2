package dev.dialkit.provider.twilio.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body that keeps repeated keys: Twilio wants {@code
 * StatusCallbackEvent} once per event (space-separated values are refused with 21626).
 */
public final class TwilioForm {
  private final List<Map.Entry<String, String>> fields = new ArrayList<>();

  /** Appends {@code name=value}; a {@code null} value is left out. */
  public TwilioForm add(String name, Object value) {
    if (value != null) {
      fields.add(Map.entry(name, value.toString()));
    }
    return this;
  }

  /** The encoded body, fields in the order added. */
  public String encode() {
    StringBuilder body = new StringBuilder();
    for (Map.Entry<String, String> f : fields) {
      if (body.length() > 0) {
        body.append('&');
      }
      body.append(URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8));
    }
    return body.toString();
  }
}
