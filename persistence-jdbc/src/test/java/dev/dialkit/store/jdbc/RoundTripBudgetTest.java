package dev.dialkit.store.jdbc;

import static dev.dialkit.testkit.StoreFixtures.LEASE_TTL;
import static dev.dialkit.testkit.StoreFixtures.NO_LIMITS;
import static dev.dialkit.testkit.StoreFixtures.OWNER;
import static dev.dialkit.testkit.StoreFixtures.T0;
import static dev.dialkit.testkit.StoreFixtures.TENANT_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.spi.BatchClaimRequest;
import dev.dialkit.campaign.spi.BatchClaimResult;
import dev.dialkit.campaign.spi.DialPermit;
import dev.dialkit.campaign.spi.LeadOutcome;
import dev.dialkit.campaign.spi.PermitRequest;
import dev.dialkit.campaign.spi.TransitionResult;
import dev.dialkit.testkit.StoreFixtures;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What each step of a lead costs the database, counted at the JDBC boundary (statements, commits,
 * isolation calls): a batch claim, a dial permit, a webhook that does not end the call and one that
 * does. The budgets are the design of schema version 5 (issue 16): a batch of 50 claims in about a
 * dozen round trips, no isolation query per transaction, and on PostgreSQL every webhook in one
 * statement. Printed, so that the figures of a run can be quoted.
 */
class RoundTripBudgetTest {
  private static final String PREFIX = "dkrtb_";
  private static final int BATCH = 50;

  @Test
  void h2() {
    measure("H2", TestDatabases.h2Memory(), 4, 7, 4);
  }

  @Test
  void postgres() {
    measure("PostgreSQL", TestDatabases.postgres(4), 1, 1, 1);
  }

  @Test
  void mariaDb() {
    measure("MariaDB", TestDatabases.mariaDb(4), 5, 8, 5);
  }

  /**
   * @param nonTerminalBudget round trips of a webhook that neither ends the lead nor frees the
   *     slot: one statement on PostgreSQL; elsewhere the transaction's update, key, log and commit
   *     (MariaDB adds its per-transaction isolation statement, counted as a statement)
   * @param terminalBudget round trips of the webhook that ends the call: one statement on
   *     PostgreSQL; elsewhere the update, key, lead, log, slot delete, shard and commit
   * @param duplicateBudget round trips of a webhook delivered again: on PostgreSQL the statement
   *     and the two reads that say why it changed nothing, with no transaction
   */
  private void measure(
      String name, DataSource raw, int nonTerminalBudget, int terminalBudget, int duplicateBudget) {
    TestDatabases.dropTables(raw, PREFIX);
    CountingDataSource counted = new CountingDataSource(raw);
    JdbcCampaignStore store =
        JdbcCampaignStore.builder(counted.dataSource).tablePrefix(PREFIX).build();
    store.migrate();
    Campaign campaign = StoreFixtures.draft(TENANT_A, "budget");
    store.createCampaign(campaign);
    store.transitionCampaign(
        TENANT_A, campaign.id(), Set.of(CampaignStatus.DRAFT), CampaignStatus.RUNNING, T0);
    long epoch = store.tryLease(campaign.id(), OWNER, 0, T0, LEASE_TTL).orElseThrow().epoch();
    store.insertLeads(TENANT_A, campaign.id(), StoreFixtures.leads(campaign, 0, BATCH + 10));
    // one transaction first: the pool's isolation level is learned once, not per transaction
    store.claimNext(StoreFixtures.claimRequest(campaign, OWNER, T0, NO_LIMITS));

    counted.reset();
    BatchClaimResult batch =
        store.claimBatch(
            BatchClaimRequest.of(
                StoreFixtures.claimRequest(campaign, OWNER, T0, NO_LIMITS), BATCH));
    int claim = counted.roundTrips();
    assertThat(batch.claimed()).hasSize(BATCH);
    assertThat(counted.isolationCalls.get()).as("no isolation query per transaction").isZero();

    Call call = batch.claimed().get(0).call();
    counted.reset();
    DialPermit permit =
        store.requestDialPermit(
            new PermitRequest(TENANT_A, call.id(), OWNER, epoch, T0, null, List.of()));
    int permitTrips = counted.roundTrips();
    Call sent = ((DialPermit.Granted) permit).call();

    counted.reset();
    TransitionResult ringing =
        store.applyTransition(
            StoreFixtures.update(sent, CallStatus.RINGING, "k:ringing", T0.plusSeconds(1)));
    int nonTerminal = counted.roundTrips();
    int nonTerminalCommits = counted.commits.get();
    assertThat(ringing.outcome()).isEqualTo(TransitionResult.Outcome.APPLIED);

    counted.reset();
    TransitionResult ended =
        store.applyTransition(
            StoreFixtures.end(
                ringing.call(),
                CallStatus.COMPLETED,
                LeadOutcome.finalState(LeadState.DONE),
                "k:completed",
                T0.plusSeconds(30)));
    int terminal = counted.roundTrips();
    assertThat(ended.outcome()).isEqualTo(TransitionResult.Outcome.APPLIED);

    counted.reset();
    TransitionResult again =
        store.applyTransition(
            StoreFixtures.update(sent, CallStatus.RINGING, "k:ringing", T0.plusSeconds(1)));
    int duplicate = counted.roundTrips();
    assertThat(again.outcome()).isEqualTo(TransitionResult.Outcome.DUPLICATE);

    System.out.printf(
        "round trips on %s: claim batch of %d %d (%.2f per lead), permit %d, non-terminal webhook"
            + " %d (%d commits), terminal webhook %d, duplicate webhook %d%n",
        name,
        BATCH,
        claim,
        claim / (double) BATCH,
        permitTrips,
        nonTerminal,
        nonTerminalCommits,
        terminal,
        duplicate);
    assertThat(claim).as("a batch of %d claims", BATCH).isLessThanOrEqualTo(12);
    assertThat(nonTerminal).as("a webhook that does not end the call").isEqualTo(nonTerminalBudget);
    assertThat(terminal).as("the webhook that ends the call").isEqualTo(terminalBudget);
    assertThat(duplicate).as("a webhook delivered again").isEqualTo(duplicateBudget);
  }
}
