package dev.dialkit.provider.plivo;

import java.time.Duration;

/** The snippets of provider-plivo/README.md, compiled so that they cannot rot. */
final class PlivoReadmeSnippets {
  private PlivoReadmeSnippets() {}

  static PlivoProvider provider() {
    // tag::provider[]
    PlivoProvider plivo =
        PlivoProvider.builder()
            .authId(System.getenv("PLIVO_AUTH_ID"))
            .authToken(System.getenv("PLIVO_AUTH_TOKEN")) // also verifies X-Plivo-Signature-V3
            .callbackBaseUrl("https://calls.example.com/webhooks/plivo")
            .callsPerSecond(2) // your account's outbound CPS; Plivo's default is 2
            .requestTimeout(Duration.ofSeconds(15))
            .build();
    // end::provider[]
    return plivo;
  }
}
