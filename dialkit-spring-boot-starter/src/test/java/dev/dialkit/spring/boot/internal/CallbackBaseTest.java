package dev.dialkit.spring.boot.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.spring.boot.DialkitProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The callback URL points at the controller, as the provider reaches it. */
class CallbackBaseTest {
  @Test
  void publicBaseThenContextPathThenServletPathThenWebhookPathThenProvider() {
    DialkitProperties properties = new DialkitProperties();
    properties.setPublicBaseUrl("https://dialer.example.com/edge/");
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("server.servlet.context-path", "/app")
            .withProperty("spring.mvc.servlet.path", "/mvc/");

    assertThat(CallbackBase.of(properties, env, "plivo"))
        .isEqualTo("https://dialer.example.com/edge/app/mvc/dialkit/webhooks/plivo");
  }

  @Test
  void withoutAPublicBaseUrlItNamesTheProperties() {
    assertThatThrownBy(() -> CallbackBase.of(new DialkitProperties(), new MockEnvironment(), "x"))
        .hasMessageContaining("dialkit.public-base-url")
        .hasMessageContaining("dialkit.providers.x.callback-base-url");
  }
}
