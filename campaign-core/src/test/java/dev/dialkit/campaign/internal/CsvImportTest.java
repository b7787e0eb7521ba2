package dev.dialkit.campaign.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.CsvImportException;
import dev.dialkit.campaign.CsvImportOptions;
import dev.dialkit.campaign.CsvTemplates;
import dev.dialkit.campaign.ImportReport;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.NumberType;
import dev.dialkit.campaign.RejectedRow;
import dev.dialkit.campaign.RejectedRow.Reason;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code Leads.importCsv}: headers, values and rows as a host's users write them. */
class CsvImportTest extends CsvImportFixture {

  private static List<RejectedRow> rejected(ImportReport report) {
    try (var rows = report.rejected()) {
      return rows.toList();
    }
  }

  @Test
  void theThreeIndianFormatsAreOneNumber() {
    ImportReport report = csv("phone\n098765 43210\n+91 98765-43210\n9876543210\n");
    assertThat(report.rowsRead()).isEqualTo(3);
    assertThat(report.inserted()).isEqualTo(1);
    assertThat(stored()).extracting(l -> l.phone().e164()).containsExactly("+919876543210");
    assertThat(rejected(report))
        .extracting(RejectedRow::line, RejectedRow::reason, RejectedRow::firstLine)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3L, Reason.DUPLICATE_IN_FILE, 2L),
            org.assertj.core.groups.Tuple.tuple(4L, Reason.DUPLICATE_IN_FILE, 2L));
    assertThat(report.imported()).singleElement().satisfies(l -> assertThat(l.line()).isEqualTo(2));
    assertThat(report.leadIds()).containsExactly(stored().get(0).id());
  }

  @Test
  void aliasesAreMatchedIgnoringCaseSpacesAndDashes() {
    csv("Full Name,MOBILE,E-Mail,Company,Time_Zone,Priority\n"
            + "Asha,+919876543210,asha@example.com,Rao,Asia/Kolkata,7\n")
        .close();
    Lead lead = stored().get(0);
    assertThat(lead.name()).isEqualTo("Asha");
    assertThat(lead.email()).isEqualTo("asha@example.com");
    assertThat(lead.company()).isEqualTo("Rao");
    assertThat(lead.timeZone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
    assertThat(lead.priority()).isEqualTo(7);
    assertThat(lead.variables()).isEmpty();
  }

  @Test
  void unknownColumnsBecomeVariablesWithNormalizedKeys() {
    csv("phone,Renewal Date,plan\n+919876543210,2026-03-01,gold\n").close();
    assertThat(stored().get(0).variables())
        .containsEntry("renewal_date", "2026-03-01")
        .containsEntry("plan", "gold");
  }

  @Test
  void anExplicitMappingOverridesTheAliases() {
    CsvImportOptions options =
        CsvImportOptions.from(IN)
            .column("Cell", CsvImportOptions.Field.PHONE)
            .column("number", CsvImportOptions.Field.IGNORE)
            .variable("Remarks", "note")
            .build();
    csv("Cell,number,Remarks\n9876543210,ignored,call back\n", options).close();
    Lead lead = stored().get(0);
    assertThat(lead.phone().e164()).isEqualTo("+919876543210");
    assertThat(lead.variables()).containsExactly(java.util.Map.entry("note", "call back"));
  }

  @Test
  void fixedLineNumbersAreRejectedUnlessAllowed() {
    String file = "phone\n+911123456789\n"; // a Delhi landline
    ImportReport report = csv(file);
    assertThat(report.inserted()).isZero();
    assertThat(rejected(report))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason()).isEqualTo(Reason.INVALID);
              assertThat(r.column()).isEqualTo("phone");
              assertThat(r.message()).contains("FIXED_LINE").doesNotContain("1123456789");
            });
    CsvImportOptions landlines =
        CsvImportOptions.from(IN)
            .numberTypes(Set.of(NumberType.MOBILE, NumberType.FIXED_LINE))
            .build();
    assertThat(csv(file, landlines).inserted()).isEqualTo(1);
  }

  @Test
  void malformedRowsAreReportedWithLineColumnAndReason() {
    ImportReport report =
        csv(
            "phone,name,priority\n"
                + "+919876543210,Asha,1\n"
                + ",,\n"
                + "+919876543211,Ben\n"
                + "+919876543212,Cy,1,extra\n"
                + "not a number,Di,1\n"
                + "+919876543213,Ed,high\n"
                + "+919876543214,\"Fa\u0007\",1\n");
    assertThat(report.rowsRead()).isEqualTo(7);
    assertThat(report.inserted()).isEqualTo(1);
    assertThat(report.invalidCount()).isEqualTo(6);
    assertThat(rejected(report))
        .extracting(RejectedRow::line, RejectedRow::reason, RejectedRow::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3L, Reason.BLANK, ""),
            org.assertj.core.groups.Tuple.tuple(4L, Reason.MALFORMED, ""),
            org.assertj.core.groups.Tuple.tuple(5L, Reason.MALFORMED, ""),
            org.assertj.core.groups.Tuple.tuple(6L, Reason.INVALID, "phone"),
            org.assertj.core.groups.Tuple.tuple(7L, Reason.INVALID, "priority"),
            org.assertj.core.groups.Tuple.tuple(8L, Reason.INVALID, "name"));
    assertThat(rejected(report).get(1).message()).isEqualTo("2 fields, the header has 3");
  }

  @Test
  void emptyLinesAndQuotedLineBreaksKeepLineNumbersRight() {
    ImportReport report = csv("phone,note\n\n+919876543210,\"two\r\nlines\"\nbad,x\n");
    assertThat(rejected(report))
        .extracting(RejectedRow::line, RejectedRow::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, Reason.BLANK),
            org.assertj.core.groups.Tuple.tuple(5L, Reason.INVALID));
    assertThat(report.imported().get(0).line()).isEqualTo(3);
  }

  @Test
  void aBadTimeZoneIsReportedInItsColumn() {
    ImportReport report = csv("phone,timezone\n+919876543210,Mars/Olympus\n+919876543211,+05:30\n");
    assertThat(rejected(report))
        .extracting(RejectedRow::column)
        .containsExactly("timezone", "timezone");
  }

  @Test
  void aBomIsSkipped() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "phone\n+919876543210\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] file = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, file, 0, 3);
    System.arraycopy(body, 0, file, 3, body.length);
    assertThat(bytes(file, IN).inserted()).isEqualTo(1);
    assertThat(csv("\uFEFFphone\n+919876543211\n").inserted()).isEqualTo(1);
  }

  @Test
  void latin1BytesReadAsUtf8StopTheImportWithTheirLine() {
    byte[] file =
        "phone,name\n+919876543210,Ren\u00e9\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> bytes(file, IN))
        .isInstanceOfSatisfying(
            CsvImportException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(CsvImportException.Problem.BAD_ENCODING);
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.report().inserted()).isZero();
            });
    CsvImportOptions latin1 =
        CsvImportOptions.from(IN).charset(java.nio.charset.StandardCharsets.ISO_8859_1).build();
    assertThat(bytes(file, latin1).inserted()).isEqualTo(1);
    assertThat(stored().get(0).name()).isEqualTo("Ren\u00e9");
  }

  @Test
  void anEmptyFileIsAnErrorAndAHeaderOnlyFileIsAnEmptyReport() {
    assertThatThrownBy(() -> csv(""))
        .isInstanceOfSatisfying(
            CsvImportException.class,
            e -> assertThat(e.problem()).isEqualTo(CsvImportException.Problem.EMPTY_FILE));
    ImportReport report = csv("phone,name\n");
    assertThat(report.rowsRead()).isZero();
    assertThat(report.inserted()).isZero();
  }

  @Test
  void aHeaderWithoutPhoneOrWithAReservedVariableIsRefusedBeforeAnyRow() {
    assertThatThrownBy(() -> csv("name\nAsha\n"))
        .isInstanceOfSatisfying(
            CsvImportException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(CsvImportException.Problem.BAD_HEADER);
              assertThat(e.line()).isEqualTo(1);
            });
    assertThatThrownBy(() -> csv("phone,dialkit_call\n+919876543210,x\n"))
        .hasMessageContaining("BAD_HEADER")
        .hasMessageContaining("dialkit_call");
    assertThatThrownBy(() -> csv("phone,mobile\n+919876543210,+919876543211\n"))
        .hasMessageContaining("a second column for PHONE");
    assertThat(stored()).isEmpty();
  }

  @Test
  void aTenMegabyteLineStopsAtTheFieldLimitWithoutBeingRead() {
    java.io.Reader huge =
        new java.io.Reader() {
          private final java.io.Reader head =
              new java.io.StringReader("phone,name\n+919876543210,");
          private long left = 10L << 20;

          @Override
          public int read(char[] buf, int off, int len) throws java.io.IOException {
            int n = head.read(buf, off, len);
            if (n > 0) {
              return n;
            }
            if (left == 0) {
              return -1;
            }
            int k = (int) Math.min(len, left);
            java.util.Arrays.fill(buf, off, off + k, 'x');
            left -= k;
            return k;
          }

          @Override
          public void close() {}
        };
    assertThatThrownBy(() -> leads.importCsv(TENANT, CAMPAIGN, huge, IN))
        .isInstanceOfSatisfying(
            CsvImportException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(CsvImportException.Problem.TOO_LONG);
              assertThat(e.line()).isEqualTo(2);
            });
    assertThat(stored()).isEmpty();
  }

  @Test
  void theTemplatesImport() {
    assertThat(csv(CsvTemplates.basic()).inserted()).isEqualTo(2);
    CsvImportFixture other = new CsvImportFixture();
    ImportReport advanced = other.csv(CsvTemplates.advanced());
    assertThat(advanced.inserted()).isEqualTo(2);
    assertThat(other.stored().get(0).variables()).containsKeys("notes", "plan", "renewal_date");
    assertThat(other.stored().get(0).timeZone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
  }

  @Test
  void anotherSeparatorIsRead() {
    CsvImportOptions semicolons = CsvImportOptions.from(IN).separator(';').build();
    assertThat(csv("name;phone\nAsha;+919876543210\n", semicolons).inserted()).isEqualTo(1);
  }
}
