package dev.dialkit.campaign.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.dialkit.campaign.CsvImportException;
import dev.dialkit.campaign.CsvImportOptions;
import dev.dialkit.campaign.ImportReport;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.RejectedRow;
import dev.dialkit.campaign.Suppression;
import dev.dialkit.campaign.SuppressionSource;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The report of a CSV import: duplicates, suppressions, all-or-nothing, the error report. */
class CsvImportReportTest extends CsvImportFixture {

  @Test
  void numbersTheCampaignHasAreReportedAsAlreadyInIt() {
    leads.add(TENANT, CAMPAIGN, List.of(NewLead.of("+919876543210")));
    try (ImportReport report = csv("phone\n+919876543210\n+919876543211\n")) {
      assertThat(report.inserted()).isEqualTo(1);
      assertThat(report.duplicates()).containsExactly(PhoneNumber.of("+919876543210"));
      assertThat(report.count(RejectedRow.Reason.DUPLICATE_IN_CAMPAIGN)).isEqualTo(1);
      try (var rows = report.rejected()) {
        assertThat(rows.toList())
            .singleElement()
            .satisfies(
                r -> {
                  assertThat(r.line()).isEqualTo(2);
                  assertThat(r.column()).isEqualTo("phone");
                  assertThat(r.message()).isEqualTo("already in the campaign");
                });
      }
    }
  }

  @Test
  void suppressedNumbersAreNotImported() {
    store.addSuppressions(
        List.of(
            new Suppression(
                TENANT,
                PhoneNumber.of("+919876543211"),
                SuppressionSource.OPT_OUT,
                null,
                null,
                T0)));
    try (ImportReport report = csv("phone\n+919876543210\n+919876543211\n")) {
      assertThat(report.inserted()).isEqualTo(1);
      assertThat(report.suppressedCount()).isEqualTo(1);
    }
    assertThat(stored()).extracting(l -> l.phone().e164()).containsExactly("+919876543210");
  }

  @Test
  void allOrNothingStoresNothingIfARowIsInvalid() {
    CsvImportOptions strict =
        CsvImportOptions.from(IN).mode(CsvImportOptions.Mode.ALL_OR_NOTHING).batchSize(2).build();
    String file = "phone\n+919876543210\n+919876543211\n+919876543212\nnope\n";
    assertThatThrownBy(() -> csv(file, strict))
        .isInstanceOfSatisfying(
            CsvImportException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(CsvImportException.Problem.ROWS_REJECTED);
              assertThat(e.report().invalidCount()).isEqualTo(1);
              assertThat(e.report().inserted()).isZero();
            });
    assertThat(stored()).isEmpty();
    try (ImportReport ok = csv("phone\n+919876543210\n+919876543211\n+919876543210\n", strict)) {
      assertThat(ok.inserted()).isEqualTo(2); // a repeat does not abort by default
    }
    CsvImportOptions noRepeats =
        CsvImportOptions.from(strict).abortOn(Set.of(RejectedRow.Reason.DUPLICATE_IN_FILE)).build();
    assertThatThrownBy(() -> csv("phone\n+919876543213\n+919876543213\n", noRepeats))
        .isInstanceOf(CsvImportException.class);
    assertThat(stored()).hasSize(2);
  }

  @Test
  void allOrNothingIsCappedAtItsRowLimit() {
    assertThatThrownBy(
            () ->
                CsvImportOptions.builder()
                    .mode(CsvImportOptions.Mode.ALL_OR_NOTHING)
                    .maxRows(CsvImportOptions.MAX_ALL_OR_NOTHING_ROWS + 1)
                    .build())
        .hasMessageContaining("maxRows");
    CsvImportOptions two =
        CsvImportOptions.from(IN).mode(CsvImportOptions.Mode.ALL_OR_NOTHING).maxRows(2).build();
    assertThatThrownBy(() -> csv("phone\n+919876543210\n+919876543211\n+919876543212\n", two))
        .isInstanceOfSatisfying(
            CsvImportException.class,
            e -> assertThat(e.problem()).isEqualTo(CsvImportException.Problem.TOO_MANY_ROWS));
    assertThat(stored()).isEmpty();
  }

  @Test
  void aFormulaIsStoredAsTextAndDefusedInTheErrorReport() throws Exception {
    String formula = "=cmd|' /C calc'!A0";
    try (ImportReport report =
        csv("name,phone\n\"" + formula + "\",+919876543210\n\"" + formula + "\",bad\n")) {
      assertThat(stored().get(0).name()).isEqualTo(formula);
      StringWriter out = new StringWriter();
      report.writeErrorReport(out);
      List<List<String>> rows = parse(out.toString());
      assertThat(rows.get(0))
          .containsExactly("line", "reason", "column", "message", "first_line", "name", "phone");
      assertThat(rows.get(1)).startsWith("3", "INVALID", "phone");
      assertThat(rows.get(1).get(5)).isEqualTo("'" + formula);
      assertThat(rows.get(1).get(6)).isEqualTo("bad");
    }
  }

  @Test
  void rejectedRowsPastTheMemoryThresholdAreSpooledAndReadBack() throws Exception {
    StringBuilder file = new StringBuilder("phone,name\n");
    int bad = ImportReport.MAX_REJECTED_IN_MEMORY + 500;
    for (int i = 0; i < bad; i++) {
      file.append("x").append(i).append(",\"multi\nline\"\n");
    }
    ImportReport report = csv(file.toString());
    assertThat(report.invalidCount()).isEqualTo(bad);
    try (var rows = report.rejected()) {
      List<RejectedRow> all = rows.toList();
      assertThat(all).hasSize(bad);
      assertThat(all.get(bad - 1).fields()).containsExactly("x" + (bad - 1), "multi\nline");
      assertThat(all.get(bad - 1).line()).isEqualTo(2 + 2L * (bad - 1));
    }
    StringWriter out = new StringWriter();
    report.writeErrorReport(out);
    assertThat(parse(out.toString())).hasSize(bad + 1);
    report.close();
    assertThatThrownBy(report::rejected).isInstanceOf(IllegalStateException.class);
    assertThat(report.invalidCount()).isEqualTo(bad);
  }

  @Test
  void doNotCallEntriesImportFromCsv() {
    try (ImportReport report =
        suppressions.importCsv(
            TENANT,
            new StringReader(
                "Phone,Reason,Source\n"
                    + "098765 43210,asked,opt_out\n"
                    + "+91 98765-43210,again,\n"
                    + "9876543211,,registry\n"
                    + "011 2345 6789,landline,\n"),
            IN)) {
      assertThat(report.rowsRead()).isEqualTo(4);
      assertThat(report.inserted()).isEqualTo(2);
      assertThat(report.count(RejectedRow.Reason.DUPLICATE_IN_FILE)).isEqualTo(1);
      assertThat(report.invalidCount()).isEqualTo(1);
      try (var rows = report.rejected()) {
        assertThat(rows.map(RejectedRow::column).toList()).containsExactly("Phone", "Source");
      }
    }
    assertThat(suppressions.find(TENANT, PhoneNumber.of("+919876543210")))
        .get()
        .satisfies(s -> assertThat(s.source()).isEqualTo(SuppressionSource.OPT_OUT));
    assertThat(suppressions.find(TENANT, PhoneNumber.of("+911123456789"))).isPresent();
  }

  static List<List<String>> parse(String csv) throws Exception {
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (MappingIterator<List<String>> it =
        mapper.readerFor(List.class).readValues(new StringReader(csv))) {
      return it.readAll();
    }
  }
}
