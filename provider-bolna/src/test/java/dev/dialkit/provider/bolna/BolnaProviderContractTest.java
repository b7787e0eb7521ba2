package dev.dialkit.provider.bolna;

import dev.dialkit.testkit.CallProviderContract;
import dev.dialkit.testkit.ProviderFixture;

/**
 * The provider contract, against Bolna's REST API on WireMock with Bolna's documented execution
 * payloads. Bolna takes no callback URL per call (its webhook URL is the agent's), which the
 * contract knows from its capabilities: it checks instead that every webhook names Bolna's call id.
 */
class BolnaProviderContractTest extends CallProviderContract {
  @Override
  protected ProviderFixture createFixture() {
    return new BolnaWireMockFixture();
  }
}
