package dev.dialkit.campaign.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.ProviderException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ProviderHttpTest {
  @Test
  void notSentIsRetryableAnythingElseAmbiguous() {
    ProviderException refused =
        ProviderHttp.transportFailure(
            "p", "create", new CompletionException(new ConnectException("refused")));
    assertThat(refused.isRetryable()).isTrue();
    assertThat(refused.httpStatus()).isZero();
    assertThat(
            ProviderHttp.transportFailure("p", "create", new HttpTimeoutException("t"))
                .isAmbiguous())
        .isTrue();
    assertThat(ProviderHttp.transportFailure("p", "create", new IOException("reset")).isAmbiguous())
        .isTrue();
  }

  @Test
  void digitsAreMaskedAndBasicAuthIsEncoded() {
    assertThat(ProviderHttp.maskDigits("to +14155550123 at 12:30, code 5030"))
        .isEqualTo("to ********0123 at 12:30, code 5030");
    assertThat(ProviderHttp.basicAuthorization("a", "b")).isEqualTo("Basic YTpi");
  }
}
