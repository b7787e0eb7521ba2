package dev.dialkit.campaign;

import java.io.InputStream;
import java.io.Reader;
import java.util.List;

/** Adds leads to campaigns and reads them back. */
public interface Leads {
  /**
   * Adds leads to a campaign that is not final. A number already in the campaign, or repeated in
   * {@code leads}, is not added again and is reported as a duplicate; the others are all added.
   * Each lead is queued with the priority the dialer's {@link PriorityPolicy} gives it, in its own
   * time zone if given, else the zone of its number, else the zone of the campaign's calling
   * window.
   *
   * <p>The whole batch is checked before any of it is stored: a rejected batch changes nothing.
   * Each lead's fields were checked when it was made ({@link NewLead}).
   *
   * @throws InvalidLeadException if {@code leads} is null (row 0) or holds a null lead (its 1-based
   *     row)
   * @throws InvalidConfigurationException if {@code tenant} or {@code campaign} is null
   * @throws CampaignNotFoundException if the tenant has no such campaign
   * @throws IllegalCampaignStateException if the campaign is completed, canceled or failed
   */
  ImportReport add(TenantId tenant, CampaignId campaign, List<NewLead> leads);

  /**
   * Imports a CSV file of leads into a campaign that is not final, streaming: rows are read one at
   * a time and stored in batches of {@link CsvImportOptions#batchSize()} (one do-not-call lookup
   * and one insert each), so a file of any size takes a bounded amount of memory.
   *
   * <p>The first line is the header. Columns are matched case-insensitively, spaces and dashes as
   * {@code _}: {@code phone}, {@code phone_number}, {@code mobile} or {@code number} (required);
   * {@code name} or {@code full_name}; {@code email}; {@code company}; {@code timezone} or {@code
   * time_zone} (an IANA id); {@code priority} (an integer); {@link CsvImportOptions.Builder#column}
   * maps others. Every other named column becomes an agent variable keyed by its header made into a
   * valid key ({@code "Renewal Date"} is {@code renewal_date}).
   *
   * <p>Numbers are read with libphonenumber, national ones in {@link
   * CsvImportOptions#defaultRegion()}, and must be of a type in {@link
   * CsvImportOptions#numberTypes()} (mobile by default). A row that is blank, has more or fewer
   * fields than the header, holds an invalid value, repeats a number of an earlier row, has a
   * number the campaign already has or one on the tenant's do-not-call list is not stored and is
   * reported with its line, column and reason ({@link ImportReport#rejected()}, {@link
   * ImportReport#writeErrorReport}). A file with only a header is a report of 0 rows.
   *
   * @param csv the file's bytes, decoded with {@link CsvImportOptions#charset()}; not closed here
   * @return the report; close it (it may own a temporary file)
   * @throws CsvImportException if the file is empty, its header has no phone column, its bytes are
   *     not valid in the charset, a field is too long, it has too many rows, the store failed, or
   *     (all-or-nothing) a row was turned away; its report says what was stored
   * @throws InvalidConfigurationException if an argument is null
   * @throws CampaignNotFoundException if the tenant has no such campaign
   * @throws IllegalCampaignStateException if the campaign is completed, canceled or failed
   */
  ImportReport importCsv(
      TenantId tenant, CampaignId campaign, InputStream csv, CsvImportOptions options);

  /**
   * {@link #importCsv(TenantId, CampaignId, InputStream, CsvImportOptions)} from text already
   * decoded: {@link CsvImportOptions#charset()} is not used, a leading BOM is skipped.
   */
  ImportReport importCsv(
      TenantId tenant, CampaignId campaign, Reader csv, CsvImportOptions options);

  /** The lead, if the tenant has it. */
  java.util.Optional<Lead> get(TenantId tenant, LeadId lead);

  /**
   * Why the dialer dialed, defers or skipped this lead, as of now.
   *
   * @throws LeadNotFoundException if the tenant has no such lead
   */
  DialDecision decision(TenantId tenant, LeadId lead);

  /**
   * Where a queued lead stands in its campaign's queue and when it is expected to be dialed, as of
   * now: see {@link QueuePosition}. The count comes from the store (one indexed query); the rate
   * from what this dialer observed of the campaign, so ask the instance that dials it for the best
   * answer (another falls back to the concurrency and the handle times it saw, or gives no time).
   *
   * @return empty if the lead is not queued (its call is in progress, or it is finished)
   * @throws LeadNotFoundException if the tenant has no such lead
   */
  java.util.Optional<QueuePosition> position(TenantId tenant, LeadId lead);

  /**
   * Schedules a call back to the lead at {@code localTime} in the lead's own time zone ({@link
   * Lead#timeZone()}); a time a clock change skips is moved later by the gap, one it repeats is the
   * earlier of the two. The callback is the lead's next attempt: it is dialed then, or later if the
   * calling window is closed, a limit binds or a cap holds it, like any due lead; its dial decision
   * says {@link DialDecision.Reason#CALLBACK} until then. It counts against the lead's attempts if
   * the campaign's {@link DispositionSet#callbacksCountAsAttempts()} says so. A lead that finished
   * (done, failed, skipped) is queued again; one of a campaign that ended is not.
   *
   * @return the lead as stored afterwards
   * @throws InvalidConfigurationException if an argument is null
   * @throws LeadNotFoundException if the tenant has no such lead
   * @throws IllegalArgumentException if the time is before now, a call to the lead is in progress
   *     (schedule it once the call ended), or its number is on the do-not-call list
   * @throws IllegalCampaignStateException if the campaign is completed, canceled or failed
   */
  Lead callback(TenantId tenant, LeadId lead, java.time.LocalDateTime localTime);

  /**
   * {@link #callback(TenantId, LeadId, java.time.LocalDateTime)} at an instant given with its own
   * zone.
   */
  Lead callback(TenantId tenant, LeadId lead, java.time.ZonedDateTime time);

  /** A page of the campaign's leads in insertion order. */
  Page<Lead> list(TenantId tenant, CampaignId campaign, PageRequest page);
}
