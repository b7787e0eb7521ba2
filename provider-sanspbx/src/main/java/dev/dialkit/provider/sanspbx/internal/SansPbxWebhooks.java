package dev.dialkit.provider.sanspbx.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRejectedException.Reason;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.FormFields;
import dev.dialkit.campaign.spi.Untrusted;
import java.util.function.Function;

/**
 * Parses SansPBX's one webhook, posted to {@code status_callback} after the call ended, into a
 * terminal {@link CallStatusUpdate}. SansPBX signs nothing: Dialkit has checked its own token in
 * the callback URL before this runs.
 *
 * <p>The body is JSON (what the integrations parse); a form-encoded body ({@code
 * application/x-www-form-urlencoded}) with the same names is read too, in case a tenant's PBX posts
 * forms (UNCONFIRMED either way). Fields read:
 *
 * <ul>
 *   <li>{@code disposition} (required, text, at most 255 characters): the outcome, through {@link
 *       SansPbxDispositions}; kept exactly as sent as the raw status;
 *   <li>{@code rec_path} (optional, text, at most 2,000 characters): the recording, kept as sent (a
 *       URL or a path on the PBX; which one is UNCONFIRMED);
 *   <li>{@code Linkedid} (optional, text, at most 255 characters): reported as the provider's call
 *       id only when configured to ({@code linkedIdIsCallId}), since whether it equals the {@code
 *       callid} {@code dialcall} returned is UNCONFIRMED, and a body id that differs from the
 *       stored one makes Dialkit refuse the webhook as another call's.
 * </ul>
 *
 * <p>{@code did} and {@code call_to} are phone numbers and are not read. No times or durations are
 * read: none is known by name. Anything else fails as {@link Reason#MALFORMED} (400): a body that
 * is not a JSON object (or a valid form), a key repeated, a required field missing, a field of the
 * wrong type or too long. Values appear in messages only through {@link Untrusted#quote}.
 */
public final class SansPbxWebhooks {
  private SansPbxWebhooks() {}

  /**
   * @param linkedIdIsCallId whether {@code Linkedid} is SansPBX's call id
   * @throws WebhookRejectedException {@link Reason#MALFORMED} as above
   */
  public static CallStatusUpdate parse(WebhookRequest request, boolean linkedIdIsCallId) {
    Function<String, String> field = fields(request);
    String disposition = text(field, "disposition", CallStatusUpdate.MAX_ID_LENGTH);
    if (disposition == null) {
      throw malformed("missing field disposition");
    }
    SansPbxDispositions.Outcome outcome = SansPbxDispositions.of(disposition);
    String linkedId = text(field, "Linkedid", CallStatusUpdate.MAX_ID_LENGTH);
    CallStatusUpdate.Builder update =
        CallStatusUpdate.builder(outcome.status(), disposition)
            .failureReason(outcome.reason())
            .recordingUrl(text(field, "rec_path", CallStatusUpdate.MAX_RECORDING_URL_LENGTH))
            .providerCallId(linkedIdIsCallId ? linkedId : null)
            .rawPayload(request.body());
    try {
      return update.build();
    } catch (IllegalArgumentException e) {
      // every length is checked above; should the core's checks ever be narrower, still a 400
      throw malformed(e.getMessage());
    }
  }

  /** The body's fields by name: a JSON object's scalars, or a form's first values. */
  private static Function<String, String> fields(WebhookRequest request) {
    if (FormFields.FORM.equals(request.mediaType())) {
      FormFields form = FormFields.ofCallback(request, "SansPBX");
      return form::first;
    }
    JsonNode json;
    try {
      json = SansPbxJson.MAPPER.readTree(request.body());
    } catch (JsonProcessingException | RuntimeException e) {
      throw malformed("the body is not valid JSON");
    }
    if (json == null || !json.isObject()) {
      throw malformed("the body must be a JSON object");
    }
    return name -> {
      JsonNode v = json.get(name);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isValueNode()) {
        throw malformed(name + " must be text, was " + v.getNodeType());
      }
      return v.asText();
    };
  }

  /** A field's value, trimmed, or {@code null} if absent or blank; longer than {@code max}: 400. */
  private static String text(Function<String, String> field, String name, int max) {
    String v = field.apply(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    v = v.strip();
    if (v.length() > max) {
      throw malformed(name + " must be at most " + max + " characters, was " + v.length());
    }
    return v;
  }

  private static WebhookRejectedException malformed(String message) {
    return new WebhookRejectedException(Reason.MALFORMED, "SansPBX webhook: " + message);
  }
}
