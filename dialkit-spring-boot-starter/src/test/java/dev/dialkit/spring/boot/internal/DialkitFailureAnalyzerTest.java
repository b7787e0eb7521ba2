package dev.dialkit.spring.boot.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class DialkitFailureAnalyzerTest {
  @Test
  void aBuilderFieldIsReportedAsTheDialkitPropertyToFix() {
    InvalidConfigurationException cause =
        new InvalidConfigurationException("pollInterval", "PT0.001S", "must be between ...");

    FailureAnalysis analysis =
        new DialkitFailureAnalyzer()
            .analyze(new BeanCreationException("dialkitCampaignDialer", "failed", cause));

    assertThat(analysis.getDescription()).contains("pollInterval must be between");
    assertThat(analysis.getAction()).contains("dialkit.poll-interval");
  }

  @Test
  void aPropertyNamedByTheStarterIsReportedAsItIs() {
    assertThat(DialkitFailureAnalyzer.action("dialkit.store.type"))
        .startsWith("Set dialkit.store.type");
  }
}
