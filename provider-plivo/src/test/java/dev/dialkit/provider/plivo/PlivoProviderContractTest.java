package dev.dialkit.provider.plivo;

import dev.dialkit.testkit.CallProviderContract;
import dev.dialkit.testkit.ProviderFixture;

/** The provider contract, against Plivo's REST API on WireMock with Plivo-shaped payloads. */
class PlivoProviderContractTest extends CallProviderContract {
  @Override
  protected ProviderFixture createFixture() {
    return new PlivoWireMockFixture();
  }
}
