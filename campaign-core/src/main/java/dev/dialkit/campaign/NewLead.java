package dev.dialkit.campaign;

import dev.dialkit.campaign.spi.Untrusted;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

/**
 * A lead to add to a campaign, before the store has it. Its fields usually come from the host's
 * users (a form, a CSV file), so each is checked here and a bad one is an {@link
 * InvalidLeadException} naming the field and the value (row 0: the lead is not part of an import
 * yet; {@link Leads#add} reports the row). Text is stripped of surrounding whitespace (blank is
 * {@code null}) and may hold no control character other than tab; the caps are the {@code MAX_*}
 * constants.
 *
 * @param phone the number to dial; not a premium-rate, pager or voicemail access number
 * @param name the person's name, or {@code null}; at most {@value #MAX_NAME_LENGTH} characters
 * @param email the person's email, or {@code null}; at most {@value #MAX_EMAIL_LENGTH} characters
 * @param company the person's company, or {@code null}; at most {@value #MAX_COMPANY_LENGTH}
 *     characters
 * @param variables per-call variables for the agent (merged over the agent's own); never null: at
 *     most {@value #MAX_VARIABLES}, keys of 1 to {@value #MAX_VARIABLE_KEY_LENGTH} letters, digits,
 *     {@code _ . -} (starting with a letter or {@code _}, not {@code dialkit_}), values of at most
 *     {@value #MAX_VARIABLE_VALUE_LENGTH} characters (line breaks allowed)
 * @param timeZone the lead's time zone, or {@code null} to take it from the number
 * @param priority higher is dialed first; leads of equal priority are dialed in insertion order;
 *     {@value #MIN_PRIORITY} to {@value #MAX_PRIORITY}
 */
public record NewLead(
    PhoneNumber phone,
    String name,
    String email,
    String company,
    Map<String, String> variables,
    ZoneId timeZone,
    int priority) {

  /** {@value}: the longest name. */
  public static final int MAX_NAME_LENGTH = 200;

  /** {@value}: the longest email (the longest address SMTP carries). */
  public static final int MAX_EMAIL_LENGTH = 254;

  /** {@value}: the longest company name. */
  public static final int MAX_COMPANY_LENGTH = 200;

  /** {@value}: the most variables per lead; the agent may have as many of its own. */
  public static final int MAX_VARIABLES = 32;

  /** {@value}: the longest variable key. */
  public static final int MAX_VARIABLE_KEY_LENGTH = 64;

  /** {@value}: the longest variable value. */
  public static final int MAX_VARIABLE_VALUE_LENGTH = 1000;

  /** {@value}: the longest time-zone id (what stores keep). */
  public static final int MAX_TIME_ZONE_LENGTH = 64;

  /**
   * {@value}: the lowest priority; with {@link #MAX_PRIORITY}, far enough inside {@code int} that a
   * {@link PriorityPolicy} adding a bonus cannot overflow.
   */
  public static final int MIN_PRIORITY = -1_000_000;

  /** {@value}: the highest priority. */
  public static final int MAX_PRIORITY = 1_000_000;

  public NewLead {
    if (phone == null) {
      throw new InvalidLeadException(0, "phone", "is required");
    }
    String undialable = phone.undialableType();
    if (undialable != null) {
      throw new InvalidLeadException(
          0, "phone", "is " + undialable + ", which a campaign never dials, was " + phone);
    }
    name = text("name", name, MAX_NAME_LENGTH);
    email = text("email", email, MAX_EMAIL_LENGTH);
    company = text("company", company, MAX_COMPANY_LENGTH);
    variables = variables(variables);
    checkZone(timeZone);
    if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
      throw new InvalidLeadException(
          0,
          "priority",
          "must be between " + MIN_PRIORITY + " and " + MAX_PRIORITY + ", was " + priority);
    }
  }

  /**
   * A lead with only a number, priority 0.
   *
   * @throws InvalidLeadException if the number is not valid E.164 or may not be dialed
   */
  public static NewLead of(String e164) {
    return new NewLead(phone(e164), null, null, null, Map.of(), null, 0);
  }

  /**
   * A lead with a number and a name, priority 0.
   *
   * @throws InvalidLeadException if the number or the name is not valid
   */
  public static NewLead of(String e164, String name) {
    return new NewLead(phone(e164), name, null, null, Map.of(), null, 0);
  }

  public NewLead withTimeZone(ZoneId timeZone) {
    return new NewLead(phone, name, email, company, variables, timeZone, priority);
  }

  /**
   * This lead in the time zone {@code zoneId} ({@code America/New_York}), as a CSV file or a form
   * gives it.
   *
   * @throws InvalidLeadException if the zone id is unknown
   */
  public NewLead withTimeZoneId(String zoneId) {
    if (zoneId == null || zoneId.length() > MAX_TIME_ZONE_LENGTH) {
      throw new InvalidLeadException(
          0,
          "timeZone",
          "must be a known time zone id, was "
              + (zoneId == null ? "null" : zoneId.length() + " characters"));
    }
    try {
      return withTimeZone(ZoneId.of(zoneId));
    } catch (DateTimeException e) {
      throw new InvalidLeadException(
          0, "timeZone", "must be a known time zone id, was " + Untrusted.quote(zoneId));
    }
  }

  public NewLead withPriority(int priority) {
    return new NewLead(phone, name, email, company, variables, timeZone, priority);
  }

  /** This lead with {@code variables} replacing its variables. */
  public NewLead withVariables(Map<String, String> variables) {
    return new NewLead(phone, name, email, company, variables, timeZone, priority);
  }

  private static PhoneNumber phone(String e164) {
    TextRules.Problem problem = PhoneNumber.problem(e164);
    if (problem != null) {
      throw problem.lead("phone");
    }
    return new PhoneNumber(e164);
  }

  /** Stripped, blank as null, then checked: one line, at most {@code max} characters. */
  private static String text(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String stripped = value.strip();
    TextRules.Problem problem = TextRules.line(stripped, max);
    if (problem != null) {
      throw problem.lead(field);
    }
    return stripped;
  }

  private static Map<String, String> variables(Map<String, String> variables) {
    if (variables == null) {
      return Map.of();
    }
    TextRules.Problem problem =
        TextRules.variables(
            variables, MAX_VARIABLES, MAX_VARIABLE_KEY_LENGTH, MAX_VARIABLE_VALUE_LENGTH);
    if (problem != null) {
      throw problem.lead("variables");
    }
    return Map.copyOf(variables);
  }

  private static void checkZone(ZoneId zone) {
    if (zone == null) {
      return;
    }
    if (zone.getId().length() > MAX_TIME_ZONE_LENGTH) {
      throw new InvalidLeadException(
          0,
          "timeZone",
          "must be at most "
              + MAX_TIME_ZONE_LENGTH
              + " characters, was "
              + zone.getId().length()
              + " characters");
    }
    try {
      zone.getRules(); // a zone deserialized or made by a custom provider may have none here
    } catch (DateTimeException e) {
      throw new InvalidLeadException(
          0, "timeZone", "must be a known time zone id, was " + Untrusted.quote(zone.getId()));
    }
  }
}
