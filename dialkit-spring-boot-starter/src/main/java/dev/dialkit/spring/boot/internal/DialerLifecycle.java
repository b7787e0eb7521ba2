package dev.dialkit.spring.boot.internal;

import dev.dialkit.campaign.CampaignDialer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the dialer once the embedded web server listens, and closes it, draining, before the web
 * server stops and before the DataSource or MongoClient beans are destroyed.
 *
 * <p>Spring starts lifecycles in ascending phase order and stops them in descending order. In Boot
 * 3.5 the web server starts and stops in {@code WebServerStartStopLifecycle}, phase {@code
 * DEFAULT_PHASE - 2048}, and shuts down gracefully (stops accepting requests) in {@code
 * WebServerGracefulShutdownLifecycle}, phase {@code DEFAULT_PHASE - 1024} (read from the 3.5.7
 * jar). A higher phase puts the dialer after both at start (a provider's first webhook finds the
 * server listening) and before both at stop (webhooks are still taken while it drains). All
 * lifecycles stop before any bean is destroyed, so the store's DataSource is still open then.
 */
public final class DialerLifecycle implements SmartLifecycle {
  /** {@code DEFAULT_PHASE - 512}: above both web server phases, below the default phase. */
  public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

  private static final Logger log = LoggerFactory.getLogger(DialerLifecycle.class);

  private final CampaignDialer dialer;
  private final boolean autoStartup;
  private volatile boolean running;

  public DialerLifecycle(CampaignDialer dialer, boolean autoStartup) {
    this.dialer = dialer;
    this.autoStartup = autoStartup;
  }

  @Override
  public void start() {
    dialer.start();
    running = true;
    log.info("Dialkit dialer {} started", dialer.instanceId());
  }

  /** Closes the dialer: it stops claiming, waits for calls being placed and releases its leases. */
  @Override
  public void stop() {
    if (running) {
      log.info("Dialkit dialer {} stopping", dialer.instanceId());
    }
    running = false;
    dialer.close();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public boolean isAutoStartup() {
    return autoStartup;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
