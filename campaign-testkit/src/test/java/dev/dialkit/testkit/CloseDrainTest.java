package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.CallingWindow;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.ClaimResult;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * {@code close()} drains: a claim the dialer's own scheduler is running when the host closes the
 * dialer has returned before {@code close()} does, so the host may close its database right after
 * (the Spring starter does). This runs the dialer on its real threads: it is about them.
 */
class CloseDrainTest {
  private static final TenantId TENANT = TenantId.of("acme");

  @Test
  void closeReturnsOnlyAfterTheClaimInProgressHasReturned() throws Exception {
    CampaignStore inner = CampaignStore.inMemory();
    CountDownLatch claiming = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean claimReturned = new AtomicBoolean();
    CampaignStore store =
        (CampaignStore)
            Proxy.newProxyInstance(
                CampaignStore.class.getClassLoader(),
                new Class<?>[] {CampaignStore.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("claimBatch") && claiming.getCount() == 1) {
                    claiming.countDown();
                    awaitUninterruptibly(release); // an interrupt does not end a store call
                    claimReturned.set(true);
                    return new ClaimResult.Denied(ClaimResult.Reason.NO_DUE_LEAD, List.of());
                  }
                  try {
                    return method.invoke(inner, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    // the provider is never asked: the one claim this test lets happen is denied
    VirtualClock clock = VirtualClock.at(java.time.Instant.parse("2026-03-02T15:00:00Z"));
    SimulatedCallProvider provider =
        SimulatedCallProvider.builder()
            .clock(clock)
            .scheduler(new ManualScheduler(clock))
            .seed(1)
            .build();
    CampaignDialer dialer =
        CampaignDialer.builder().store(store).provider(provider).instanceId("drain").build();
    CampaignId id =
        dialer
            .campaigns()
            .create(
                TENANT,
                CampaignSpec.builder()
                    .name("drain")
                    .agent(Agent.answerUrl("https://agent.example/answer"))
                    .callerIds("+14155550199")
                    .callingWindow(CallingWindow.always())
                    .build());
    dialer.leads().add(TENANT, id, List.of(NewLead.of("+14155550100")));
    dialer.campaigns().start(TENANT, id);
    dialer.start();
    assertThat(claiming.await(30, TimeUnit.SECONDS)).as("a claim started").isTrue();

    AtomicBoolean claimDoneAtClose = new AtomicBoolean();
    Thread closer =
        new Thread(
            () -> {
              dialer.close();
              claimDoneAtClose.set(claimReturned.get());
            });
    closer.start();
    // let the claim go only once close() waits for it (or has returned without waiting)
    while (closer.isAlive() && closer.getState() != Thread.State.TIMED_WAITING) {
      Thread.onSpinWait();
    }
    release.countDown();
    closer.join(TimeUnit.SECONDS.toMillis(30));

    assertThat(closer.isAlive()).as("close() returned").isFalse();
    assertThat(claimDoneAtClose).as("the claim had returned when close() did").isTrue();
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
