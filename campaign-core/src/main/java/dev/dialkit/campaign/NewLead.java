package dev.dialkit.campaign;

import java.time.ZoneId;
import java.util.Map;

/**
 * A lead to add to a campaign, before the store has it.
 *
 * @param phone the number to dial
 * @param name the person's name, or {@code null}
 * @param email the person's email, or {@code null}
 * @param company the person's company, or {@code null}
 * @param variables per-call variables for the agent (merged over the agent's own); never null
 * @param timeZone the lead's time zone, or {@code null} to take it from the number
 * @param priority higher is dialed first; leads of equal priority are dialed in insertion order
 */
public record NewLead(
    PhoneNumber phone,
    String name,
    String email,
    String company,
    Map<String, String> variables,
    ZoneId timeZone,
    int priority) {

  public NewLead {
    if (phone == null) {
      throw new IllegalArgumentException("lead phone must not be null");
    }
    variables = Map.copyOf(variables == null ? Map.of() : variables);
    name = blankToNull(name);
    email = blankToNull(email);
    company = blankToNull(company);
  }

  /** A lead with only a number, priority 0. */
  public static NewLead of(String e164) {
    return new NewLead(PhoneNumber.of(e164), null, null, null, Map.of(), null, 0);
  }

  /** A lead with a number and a name, priority 0. */
  public static NewLead of(String e164, String name) {
    return new NewLead(PhoneNumber.of(e164), name, null, null, Map.of(), null, 0);
  }

  public NewLead withTimeZone(ZoneId timeZone) {
    return new NewLead(phone, name, email, company, variables, timeZone, priority);
  }

  public NewLead withPriority(int priority) {
    return new NewLead(phone, name, email, company, variables, timeZone, priority);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
