package dev.dialkit.campaign.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.TenantId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchClaimRequestTest {
  private static final PhoneNumber FROM = PhoneNumber.of("+14155550100");
  private static final ClaimRequest CLAIM =
      new ClaimRequest(
          TenantId.of("acme"),
          CampaignId.of("c1"),
          "dialer-1",
          Instant.parse("2026-03-02T09:00:00Z"),
          new SlotLimits(10, 10, 10),
          "sim",
          FROM,
          null,
          AttemptCaps.NONE);

  @Test
  void aBatchClaimsOnlyUnlessItAsksForPermitsWithAnEpoch() {
    BatchClaimRequest plain = new BatchClaimRequest(CLAIM, List.of(FROM));
    assertThat(plain.grantsPermits()).isFalse();
    assertThat(plain.permitEpoch()).isZero();

    BatchClaimRequest permitted = plain.withPermits(7);
    assertThat(permitted.grantsPermits()).isTrue();
    assertThat(permitted.permitEpoch()).isEqualTo(7);
    assertThat(permitted.from()).isEqualTo(plain.from());
  }

  @Test
  void anEpochBelowOneIsRefusedSayingWhat() {
    BatchClaimRequest plain = new BatchClaimRequest(CLAIM, List.of(FROM));
    assertThatThrownBy(() -> plain.withPermits(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("permit epoch is >= 1, was 0");
    assertThatThrownBy(() -> new BatchClaimRequest(CLAIM, List.of(FROM), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was -1");
  }
}
