package dev.dialkit.provider.sanspbx;

import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.spi.CampaignStore;

/** The snippets of provider-sanspbx/README.md, compiled so that they cannot rot. */
final class SansPbxReadmeSnippets {
  private SansPbxReadmeSnippets() {}

  static CampaignDialer dialer(CampaignStore store) {
    // tag::provider[]
    SansPbxProvider sansPbx =
        SansPbxProvider.builder()
            .apiUrl("https://clouduat28.sansoftwares.com/pbxadmin/sanpbxapi") // your tenant's host
            .accessToken(System.getenv("SANSPBX_ACCESS_TOKEN")) // the static Accesstoken header
            .accessKey(System.getenv("SANSPBX_ACCESS_KEY"))
            .callbackBaseUrl("https://calls.example.com/webhooks/sanspbx")
            .numberFormats(SansPbxNumberFormats.DEFAULT) // 0 + 10 digits; caller id as the DID
            .build();

    CampaignDialer dialer =
        CampaignDialer.builder()
            .store(store)
            .provider(sansPbx)
            .callbackSecret(System.getenv("DIALKIT_CALLBACK_SECRET")) // SansPBX signs nothing
            .build();
    // end::provider[]
    return dialer;
  }
}
