package dev.dialkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoStoreTest {
  @Test
  void aSecondRunOnTheSameH2FileFindsTheFirstRunsCampaign(@TempDir Path dir) {
    String url = "jdbc:h2:file:" + dir.resolve("demo").toAbsolutePath();
    QuickstartOptions options = new QuickstartOptions(30, 10, url, false);

    QuickstartResult first = QuickstartMain.run(options, p -> {});
    assertThat(first.progress().finished()).isEqualTo(30);
    assertThat(Files.exists(dir.resolve("demo.mv.db"))).isTrue();

    try (DemoStore again = DemoStore.open(url)) {
      assertThat(again.persistent()).isTrue();
      assertThat(again.store().listCampaigns(QuickstartMain.TENANT))
          .singleElement()
          .satisfies(c -> assertThat(c.id()).isEqualTo(first.progress().campaignId()));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
