package dev.dialkit.campaign;

import java.io.InputStream;
import java.io.Reader;
import java.util.Optional;

/**
 * Each tenant's do-not-call list: numbers that none of its campaigns may call, whoever imports them
 * again. An import reports a listed number as suppressed and does not add it; a number listed after
 * its lead was imported is caught when the lead's turn comes (the store checks the list inside the
 * claim), and the lead ends {@code SKIPPED} with {@link DialDecision.Reason#SUPPRESSED}.
 */
public interface Suppressions {
  /**
   * Puts a number on the tenant's list, replacing its entry if it has one.
   *
   * @param phone the number, E.164 or national with a country prefix ({@link PhoneNumber#of})
   * @param reason a short note, or {@code null}
   * @return the entry as stored
   * @throws InvalidConfigurationException naming the bad argument (the number masked)
   */
  Suppression add(TenantId tenant, String phone, SuppressionSource source, String reason);

  /**
   * Puts the number a call went to on its tenant's list as an opt-out, with the call's id: what a
   * host does when the person asked, during the call, not to be called again.
   *
   * @throws InvalidConfigurationException if an argument is null
   * @throws IllegalArgumentException if the tenant has no such call
   */
  Suppression optOut(TenantId tenant, CallId call, String reason);

  /**
   * Puts the numbers of a CSV file on the tenant's list, streaming, in batches of {@link
   * CsvImportOptions#batchSize()} each stored atomically. Columns (case-insensitive): {@code phone}
   * (or {@code phone_number}, {@code mobile}, {@code number}; required), {@code reason}, {@code
   * source} (a {@link SuppressionSource} name; default {@link
   * CsvImportOptions#suppressionSource()}); others are ignored. Numbers are read as by {@link
   * Leads#importCsv}, of any type. Bad rows and repeats are reported, the rest stored (best-effort
   * whatever the mode); {@link ImportReport#inserted()} counts entries added or replaced.
   *
   * @param csv the file's bytes, decoded with {@link CsvImportOptions#charset()}; not closed here
   * @throws CsvImportException as for {@link Leads#importCsv}
   * @throws InvalidConfigurationException if an argument is null
   */
  ImportReport importCsv(TenantId tenant, InputStream csv, CsvImportOptions options);

  /** {@link #importCsv(TenantId, InputStream, CsvImportOptions)} from decoded text. */
  ImportReport importCsv(TenantId tenant, Reader csv, CsvImportOptions options);

  /** Takes a number off the tenant's list; whether it was on it. */
  boolean remove(TenantId tenant, PhoneNumber phone);

  /** The tenant's entry for the number, if it is on the list. */
  Optional<Suppression> find(TenantId tenant, PhoneNumber phone);

  /** A page of the tenant's list, by number; offset pages only ({@link PageRequest#of}). */
  Page<Suppression> list(TenantId tenant, PageRequest page);
}
