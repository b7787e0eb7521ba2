package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link dev.dialkit.campaign.spi.CampaignStore#schemaProblem()}: a store made ready the way its
 * documentation says (migrated, indexed) reports no problem, before and after it is used. How an
 * unready schema is reported is each store's own (a JDBC store without its migrations, say) and is
 * tested next to it.
 */
interface SchemaContract extends StoreContractSupport {

  @Test
  default void aReadyStoreReportsNoSchemaProblem() {
    assertThat(store().schemaProblem()).isEmpty();

    running(StoreFixtures.TENANT_A, "schema-used");
    assertThat(store().schemaProblem()).as("after use").isEmpty();
  }
}
