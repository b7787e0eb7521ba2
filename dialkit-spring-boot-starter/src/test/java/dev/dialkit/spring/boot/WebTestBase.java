package dev.dialkit.spring.boot;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Spring Boot application on a random port shared by every test over HTTP: they extend this
 * class, so their configuration is the same and Spring's test context cache starts it once.
 */
@SpringBootTest(
    classes = WebTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "dialkit.store.type=memory",
      "dialkit.instance-id=web-test",
      "dialkit.public-base-url=https://dialer.example.com",
      "dialkit.poll-interval=20ms",
      "dialkit.max-webhook-body-bytes=2048",
      "dialkit.providers.twilio.account-sid=" + FakeTwilioApi.ACCOUNT_SID,
      "dialkit.providers.twilio.auth-token=" + FakeTwilioApi.AUTH_TOKEN,
      // a filter that reads the form body of every POST unless the starter guards it
      "spring.mvc.hiddenmethod.filter.enabled=true",
      "management.endpoints.web.exposure.include=health",
      "management.endpoint.health.show-details=always",
      // no MongoDB in these tests: Boot would make a client that keeps trying localhost:27017
      "spring.autoconfigure.exclude="
          + "org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration,"
          + "org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration"
    })
abstract class WebTestBase {
  @LocalServerPort int port;

  /** The fake Twilio API's port is known only at run time. */
  @DynamicPropertySource
  static void twilioBaseUrl(DynamicPropertyRegistry registry) {
    registry.add("dialkit.providers.twilio.base-url", FakeTwilioApi::baseUrl);
  }
}
