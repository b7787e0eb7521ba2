package dev.dialkit.examples.dashboard.api;

import dev.dialkit.campaign.InvalidLeadException;
import dev.dialkit.campaign.NewLead;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One lead in the JSON body of {@code POST /api/campaigns/{id}/leads}: {@link NewLead}'s fields,
 * {@code phone} in E.164 required, {@code timeZone} an IANA id. A bad field is a 422 naming the
 * lead's 1-based row and the field.
 */
public record LeadBody(
    String phone,
    String name,
    String email,
    String company,
    Map<String, String> variables,
    String timeZone,
    Integer priority) {

  /** The most leads one JSON request may carry; a CSV upload streams any number. */
  static final int MAX_PER_REQUEST = 10_000;

  NewLead toNewLead() {
    NewLead lead = NewLead.of(phone);
    lead =
        new NewLead(
            lead.phone(),
            name,
            email,
            company,
            variables == null ? Map.of() : variables,
            null,
            priority == null ? 0 : priority);
    return timeZone == null ? lead : lead.withTimeZoneId(timeZone);
  }

  static List<NewLead> toNewLeads(List<LeadBody> body) {
    if (body == null || body.isEmpty()) {
      throw new InvalidRequestException("leads", "the body must be a non-empty array of leads");
    }
    if (body.size() > MAX_PER_REQUEST) {
      throw new InvalidRequestException(
          "leads",
          "at most "
              + MAX_PER_REQUEST
              + " leads per request (upload a CSV for more), was "
              + body.size());
    }
    List<NewLead> leads = new ArrayList<>(body.size());
    for (int i = 0; i < body.size(); i++) {
      LeadBody lead = body.get(i);
      if (lead == null) {
        throw new InvalidLeadException(i + 1, "lead", "must not be null");
      }
      try {
        leads.add(lead.toNewLead());
      } catch (InvalidLeadException e) {
        throw e.atRow(i + 1);
      }
    }
    return leads;
  }
}
