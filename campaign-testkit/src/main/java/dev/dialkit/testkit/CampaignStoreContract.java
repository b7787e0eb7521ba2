package dev.dialkit.testkit;

import dev.dialkit.campaign.spi.CampaignStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The compliance suite of {@link CampaignStore}: every implementation runs it, and passing it is
 * what "implements the contract" means. It checks every method against the interface's javadoc:
 * campaigns and their status compare-and-set, lead insert, reading and paging, claims (order, due
 * time, every denial and its precedence, limits across tenants and campaigns, admitted time zones),
 * the zones of queued leads, slots, call transitions (applied, duplicate, conflict, not found, all
 * or nothing), leases and their fencing epochs, dial permits, completion racing lead inserts, the
 * instance registry, the call log, tenant isolation, that returned values never change, races where
 * exactly one may win or no limit may be exceeded, the do-not-call list and the attempt caps
 * checked inside the claim, batched claims ({@code claimBatch}: every rule of the single claim, the
 * limits counting the batch's own slots, why a batch stopped, and batches racing single claims on
 * two instances under binding limits), queue positions (the leads a claim would take before a given
 * one), call outcomes (one disposition per call, what the agent learned, counts per code) and
 * callbacks on the lead's due time, and that a ready store reports no schema problem.
 *
 * <p>Subclass it and say how to make a store:
 *
 * <pre>{@code
 * class JdbcCampaignStoreTest extends CampaignStoreContract {
 *   @Override
 *   protected CampaignStore createStore() {
 *     return JdbcCampaignStore.create(freshDatabase());
 *   }
 *
 *   @Override
 *   protected void closeStore(CampaignStore store) {
 *     dropDatabase();
 *   }
 * }
 * }</pre>
 *
 * <p>Each test gets a store of its own, made by {@link #createStore()} before it and given to
 * {@link #closeStore} after it. Tests use the SPI only and pass every instant explicitly (from
 * {@link StoreFixtures#T0}), so a store must never consult a clock of its own. The tests are
 * grouped by topic in the interfaces this class implements.
 */
public abstract class CampaignStoreContract
    implements CampaignContract,
        LeadContract,
        ClaimContract,
        ClaimBatchContract,
        ClaimBatchLimitContract,
        ClaimBatchHoldContract,
        ClaimBatchConcurrencyContract,
        ZoneContract,
        TransitionContract,
        LeaseContract,
        PermitContract,
        ClaimPermitContract,
        CompletionContract,
        InstanceContract,
        CallLogContract,
        ReturnedValuesContract,
        ConcurrencyContract,
        TwoDialersContract,
        SuppressionContract,
        AttemptCapContract,
        DispositionContract,
        CallbackContract,
        ScheduleContract,
        SchemaContract,
        QueuePositionContract {

  private CampaignStore store;

  /** A new, empty store; called before each test. */
  protected abstract CampaignStore createStore();

  /** Releases what {@link #createStore()} made; called after each test. Does nothing by default. */
  protected void closeStore(CampaignStore store) {}

  @BeforeEach
  final void openStore() {
    store = createStore();
  }

  @AfterEach
  final void tearDownStore() {
    if (store != null) {
      closeStore(store);
      store = null;
    }
  }

  @Override
  public final CampaignStore store() {
    if (store == null) {
      throw new IllegalStateException("no store: createStore() runs before each test");
    }
    return store;
  }
}
