package dev.dialkit.examples.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.Campaigns;
import dev.dialkit.campaign.CsvImportException;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.ImportReport;
import dev.dialkit.campaign.Leads;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.RejectedRow;
import dev.dialkit.campaign.StoreException;
import java.io.InputStream;
import java.io.Writer;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The failures a running demo does not produce on demand (a store outage, a provider error, a bug)
 * against a dialer that throws them: each is a problem detail that tells nothing of the internals.
 */
class ApiProblemsTest {
  private final Campaigns campaigns = mock(Campaigns.class);
  private final Leads leads = mock(Leads.class);
  private MockMvc mvc;

  @BeforeEach
  void setUp() {
    CampaignDialer dialer = mock(CampaignDialer.class);
    when(dialer.campaigns()).thenReturn(campaigns);
    when(dialer.leads()).thenReturn(leads);
    mvc =
        MockMvcBuilders.standaloneSetup(new CampaignController(dialer), new LeadController(dialer))
            .setControllerAdvice(new ApiProblems())
            .setCustomArgumentResolvers(new TenantArgumentResolver())
            .build();
  }

  @Test
  void aStoreOutageIsA503WithRetryAfterAndNoDatabaseMessage() throws Exception {
    when(campaigns.progress(any(), any()))
        .thenThrow(
            new StoreException(
                "connection to db.internal:5432 refused", true, new SQLException("password=x")));

    String body =
        mvc.perform(get("/api/campaigns/c1/progress").header("X-Dialkit-Tenant", "acme"))
            .andExpect(status().isServiceUnavailable())
            .andExpect(header().string("Retry-After", ApiProblems.RETRY_AFTER_SECONDS))
            .andExpect(jsonPath("$.type").value("urn:dialkit:problem:store-unavailable"))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(body).doesNotContain("db.internal", "password", "SQLException");
  }

  @Test
  void aProviderErrorIsA502() throws Exception {
    when(campaigns.start(any(), any()))
        .thenThrow(
            new ProviderException(
                "twilio", "down", 503, null, FailureReason.PROVIDER_ERROR, true, false, null));

    mvc.perform(post("/api/campaigns/c1/start").header("X-Dialkit-Tenant", "acme"))
        .andExpect(status().isBadGateway())
        .andExpect(jsonPath("$.provider").value("twilio"));
  }

  @Test
  void anUnexpectedFailureIsA500WithoutItsMessage() throws Exception {
    when(campaigns.list(any())).thenThrow(new IllegalStateException("internal detail 42"));

    String body =
        mvc.perform(get("/api/campaigns").header("X-Dialkit-Tenant", "acme"))
            .andExpect(status().isInternalServerError())
            .andExpect(jsonPath("$.detail").value("internal error"))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(body).doesNotContain("internal detail 42", "IllegalStateException");
  }

  @Test
  void aStoppedCsvImportIsA422WithItsLineAndReport() throws Exception {
    RejectedRow row =
        new RejectedRow(7, RejectedRow.Reason.INVALID, "phone", "not a number", 0, List.of("x"));
    when(leads.importCsv(any(), any(), any(InputStream.class), any()))
        .thenThrow(
            new CsvImportException(
                CsvImportException.Problem.ROWS_REJECTED,
                7,
                "phone",
                "a row was turned away",
                new OneRowReport(row),
                null));

    mvc.perform(
            post("/api/campaigns/c1/leads")
                .header("X-Dialkit-Tenant", "acme")
                .contentType("text/csv")
                .content("phone\nx\n"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.problem").value("ROWS_REJECTED"))
        .andExpect(jsonPath("$.line").value(7))
        .andExpect(jsonPath("$.report.rejectedRows[0].line").value(7))
        .andExpect(jsonPath("$.report.rejectedRows[0].fields").doesNotExist());
  }

  /** A report of one rejected row and nothing stored. */
  private record OneRowReport(RejectedRow row) implements ImportReport {
    @Override
    public long rowsRead() {
      return 1;
    }

    @Override
    public int inserted() {
      return 0;
    }

    @Override
    public List<dev.dialkit.campaign.ImportedLead> imported() {
      return List.of();
    }

    @Override
    public List<dev.dialkit.campaign.LeadId> leadIds() {
      return List.of();
    }

    @Override
    public List<dev.dialkit.campaign.PhoneNumber> duplicates() {
      return List.of();
    }

    @Override
    public long count(RejectedRow.Reason reason) {
      return reason == row.reason() ? 1 : 0;
    }

    @Override
    public Stream<RejectedRow> rejected() {
      return Stream.of(row);
    }

    @Override
    public void writeErrorReport(Writer out) {}

    @Override
    public void close() {}
  }
}
