package dev.dialkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.CampaignDialer;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The dialer on a DataSource: closed before it, and H2's shutdown hook warned about. */
@ExtendWith(OutputCaptureExtension.class)
class JdbcLifecycleTest {
  private static final String H2_FIX = "DB_CLOSE_ON_EXIT=FALSE";
  private static final String IN_MEMORY = "in-memory H2 database";
  // the starter's warning; H2's own error messages name the fix too
  private static final String CLOSES_ON_EXIT = "closes itself when the JVM exits";

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DialkitProvidersAutoConfiguration.class, DialkitAutoConfiguration.class))
          .withUserConfiguration(TestProviders.class);

  @Test
  void onCloseTheDialerIsClosedBeforeTheDataSource() {
    List<String> events = RecordingDialer.newEventList();
    runner
        .withBean(
            "dataSource",
            DataSource.class,
            () ->
                new RecordingDataSource(
                    "jdbc:h2:mem:close-order;DB_CLOSE_DELAY=-1;" + H2_FIX, events))
        .withBean(
            "recordDialer",
            BeanPostProcessor.class,
            () ->
                new BeanPostProcessor() {
                  @Override
                  public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof CampaignDialer d
                        ? new RecordingDialer(d, events, () -> true)
                        : bean;
                  }
                })
        .run(context -> assertThat(context).hasNotFailed());

    assertThat(events).contains("dialer started", "dialer closed", "data source closed");
    assertThat(events.indexOf("dialer closed"))
        .as("dialer closed before the data source: %s", events)
        .isLessThan(events.indexOf("data source closed"));
  }

  @Test
  void anH2UrlThatClosesOnExitIsWarnedAboutOnceNamingTheFix(CapturedOutput output) {
    runner
        .withBean(
            DataSource.class,
            () ->
                new RecordingDataSource("jdbc:h2:mem:closes-on-exit;DB_CLOSE_DELAY=-1", List.of()))
        .run(context -> assertThat(context).hasNotFailed());

    assertThat(output.getAll().split(CLOSES_ON_EXIT, -1)).hasSize(2);
    assertThat(output.getAll()).contains(H2_FIX);
  }

  @Test
  void anH2FileUrlWithTheFixIsNotWarnedAbout(CapturedOutput output) {
    runner
        .withBean(
            DataSource.class,
            () ->
                new RecordingDataSource(
                    "jdbc:h2:file:./target/h2/stays-open;DB_CLOSE_DELAY=-1;" + H2_FIX, List.of()))
        .run(context -> assertThat(context).hasNotFailed());

    assertThat(output.getAll()).doesNotContain(CLOSES_ON_EXIT).doesNotContain(IN_MEMORY);
  }

  @Test
  void anInMemoryH2DatabaseIsWarnedAbout(CapturedOutput output) {
    runner
        .withBean(
            DataSource.class,
            () ->
                new RecordingDataSource(
                    "jdbc:h2:mem:volatile;DB_CLOSE_DELAY=-1;" + H2_FIX, List.of()))
        .run(context -> assertThat(context).hasNotFailed());

    assertThat(output.getAll()).contains(IN_MEMORY).doesNotContain(CLOSES_ON_EXIT);
  }
}
