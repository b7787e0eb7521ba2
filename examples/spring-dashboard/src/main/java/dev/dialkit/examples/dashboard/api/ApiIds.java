package dev.dialkit.examples.dashboard.api;

import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.TenantId;
import java.util.function.Function;

/**
 * Turns path and query values into Dialkit's types, a bad value into a 400 naming the parameter.
 * Dialkit's messages quote, escape and cap the value they echo, so they are safe to answer with.
 */
final class ApiIds {
  /** The most items a page of the API returns. */
  static final int MAX_PAGE_SIZE = 200;

  private ApiIds() {}

  static TenantId tenant(String field, String value) {
    return parse(field, value, TenantId::of);
  }

  static CampaignId campaign(String value) {
    return parse("campaignId", value, CampaignId::of);
  }

  static LeadId lead(String value) {
    return parse("leadId", value, LeadId::of);
  }

  static CallId call(String value) {
    return parse("callId", value, CallId::of);
  }

  /** Page {@code page} of {@code size}, or with {@code after} the items after that cursor. */
  static PageRequest page(int page, int size, Long after) {
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidRequestException(
          "size", "size must be between 1 and " + MAX_PAGE_SIZE + ", was " + size);
    }
    if (after != null) {
      return parse("after", after, a -> PageRequest.after(a, size));
    }
    return parse("page", page, p -> PageRequest.of(p, size));
  }

  private static <T, R> R parse(String field, T value, Function<T, R> parser) {
    if (value == null) {
      throw new InvalidRequestException(field, field + " is required");
    }
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(field, e.getMessage());
    }
  }
}
