package dev.dialkit.campaign.internal.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.CsvImportOptions;
import dev.dialkit.campaign.ImportReport;
import dev.dialkit.campaign.PriorityPolicy;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CampaignStore;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * 200,000 generated rows, half of them bad, through a Reader that makes them on the fly: the good
 * half is stored, and the report keeps the bad half on disk, not in memory.
 */
class CsvImportMemoryTest {
  private static final int ROWS = 200_000;

  /** Row i: a valid Indian mobile number for even i, a bad number for odd i. */
  private static final class Generated extends Reader {
    private int row = -1;
    private String pending = "";
    private int at;

    @Override
    public int read(char[] buf, int off, int len) {
      if (at == pending.length()) {
        if (row == ROWS) {
          return -1;
        }
        pending =
            row < 0
                ? "phone,name,plan\n"
                : row % 2 == 0
                    ? "+9198" + String.format("%08d", row) + ",Lead " + row + ",gold\n"
                    : "bad" + row + ",Lead " + row + ",gold\n";
        row++;
        at = 0;
      }
      int n = Math.min(len, pending.length() - at);
      pending.getChars(at, at + n, buf, off);
      at += n;
      return n;
    }

    @Override
    public void close() {}
  }

  @Test
  void rejectedRowsAreSpooledAndIdsKeptCompactly() throws Exception {
    CampaignStore store = CampaignStore.inMemory();
    TenantId tenant = TenantId.of("acme");
    Campaign campaign =
        Campaign.draft(
            CampaignId.of("cmp-big"),
            tenant,
            CampaignSpec.builder()
                .name("Big")
                .agent(Agent.answerUrl("https://agent.example.com/answer"))
                .callerIds("+14155550100")
                .build(),
            Instant.EPOCH);
    store.createCampaign(campaign);
    LeadImporter importer =
        new LeadImporter(store, Clock.systemUTC(), PriorityPolicy.asGiven(), id -> {});

    ImportReport report =
        importer.run(
            campaign,
            CsvInputSource.of(new Generated()),
            CsvImportOptions.builder().defaultRegion("IN").build());
    try (report) {
      assertThat(report.rowsRead()).isEqualTo(ROWS);
      assertThat(report.inserted()).isEqualTo(ROWS / 2);
      assertThat(report.invalidCount()).isEqualTo(ROWS / 2);
      assertThat(report.imported().get(ROWS / 2 - 1).line()).isEqualTo(ROWS); // the last even row
      RejectionSpool spool = spoolOf(report);
      Path file = spoolFile(spool);
      // all but the first MAX_REJECTED_IN_MEMORY rejected rows are on disk
      assertThat(Files.size(file)).isGreaterThan(ROWS / 2 * 20L);
      assertThat(memoryRows(spool)).isEqualTo(ImportReport.MAX_REJECTED_IN_MEMORY);
      report.close();
      assertThat(file).doesNotExist();
    }
  }

  private static RejectionSpool spoolOf(ImportReport report) throws Exception {
    var field = Report.class.getDeclaredField("spool");
    field.setAccessible(true);
    return (RejectionSpool) field.get(report);
  }

  private static Path spoolFile(RejectionSpool spool) throws Exception {
    var field = RejectionSpool.class.getDeclaredField("file");
    field.setAccessible(true);
    return ((SpoolFile) field.get(spool)).path();
  }

  private static int memoryRows(RejectionSpool spool) throws Exception {
    var field = RejectionSpool.class.getDeclaredField("memory");
    field.setAccessible(true);
    return ((java.util.List<?>) field.get(spool)).size();
  }
}
