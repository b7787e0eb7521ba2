package dev.dialkit.provider.twilio;

import dev.dialkit.testkit.CallProviderContract;
import dev.dialkit.testkit.ProviderFixture;

/** The provider contract, against Twilio's REST API on WireMock with Twilio-shaped payloads. */
class TwilioProviderContractTest extends CallProviderContract {
  @Override
  protected ProviderFixture createFixture() {
    return new TwilioWireMockFixture();
  }
}
