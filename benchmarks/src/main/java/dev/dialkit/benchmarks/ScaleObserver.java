package dev.dialkit.benchmarks;

import dev.dialkit.campaign.DialerObserver;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what the dialer asked of the store in a scale run: claim operations, the leads they
 * claimed, store failures. Leads claimed beyond the create requests the provider received were
 * released unsent (a dial permit that expired before the send, for one) and claimed again later.
 */
final class ScaleObserver implements DialerObserver {
  private final LongAdder claims = new LongAdder();
  private final LongAdder claimed = new LongAdder();
  private final LongAdder storeFailures = new LongAdder();

  @Override
  public void claimed(Claim claim) {
    claims.increment();
    claimed.add(claim.leadsClaimed());
  }

  @Override
  public void storeFailed(StoreFailure failure) {
    storeFailures.increment();
  }

  /** One line: claim operations, leads claimed, of them sent to the provider, store failures. */
  String summary(long sent) {
    return String.format(
        Locale.ROOT,
        "claim operations %,d, leads claimed %,d, create requests sent %,d (claimed, not sent:"
            + " %,d), store failures %,d",
        claims.sum(),
        claimed.sum(),
        sent,
        claimed.sum() - sent,
        storeFailures.sum());
  }
}
