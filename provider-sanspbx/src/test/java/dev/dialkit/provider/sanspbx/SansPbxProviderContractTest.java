package dev.dialkit.provider.sanspbx;

import dev.dialkit.testkit.CallProviderContract;
import dev.dialkit.testkit.ProviderFixture;

/**
 * The provider contract, against SansPBX's API on WireMock with the payloads of the public
 * integrations. SansPBX signs nothing and cannot be asked for a call's status: the suite skips the
 * signature tests and checks that status queries fail as unsupported.
 */
class SansPbxProviderContractTest extends CallProviderContract {
  @Override
  protected ProviderFixture createFixture() {
    return new SansPbxWireMockFixture();
  }
}
