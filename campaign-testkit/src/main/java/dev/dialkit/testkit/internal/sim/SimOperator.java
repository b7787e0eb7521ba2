package dev.dialkit.testkit.internal.sim;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.DialkitException;
import dev.dialkit.campaign.ImportReport;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.spi.CallbackResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The operator: pauses, resumes, cancels and adds leads at random moments, each through a random
 * living instance (as an HTTP request reaching one pod), and records what it was told: when a pause
 * or cancel returned (from then on no request of that campaign may reach the provider until the
 * store moves it to running again, {@link #moves()}), and which leads an add accepted.
 */
public final class SimOperator {
  /**
   * A pause or cancel that returned when the provider had received {@code fromRequest} requests,
   * when the store had committed the first {@code movesAtReturn} of {@link #moves()}: no request of
   * the campaign may follow the return until the store moves it to running again.
   */
  public record Stop(CampaignId campaign, int movesAtReturn, long fromRequest, String how) {}

  /**
   * A campaign status the store committed (whoever asked, and whether or not the answer reached the
   * asker), when the provider had received {@code atRequest} requests.
   */
  public record Move(CampaignId campaign, CampaignStatus status, long atRequest) {}

  private final SimWorld world;
  private final List<SimCampaign> campaigns;
  private final List<Stop> stops = new ArrayList<>();
  private final List<Move> moves = new ArrayList<>();
  private final Map<CampaignId, Set<PhoneNumber>> accepted = new LinkedHashMap<>();
  private int nextNumber;

  public SimOperator(SimWorld world, List<SimCampaign> campaigns, int firstNumber) {
    this.world = world;
    this.campaigns = campaigns;
    this.nextNumber = firstNumber;
    campaigns.forEach(c -> accepted.put(c.id(), new HashSet<>()));
  }

  /** Plans {@code actions} actions at random moments within {@code window}. */
  public void plan(int actions, Duration window) {
    for (int i = 0; i < actions; i++) {
      long at = world.random().nextLong(Math.max(1, window.toMillis()));
      world.timeline().schedule(this::act, Duration.ofMillis(at));
    }
  }

  /** Records a stop (pause or cancel) when its stage completes: from then on nothing is sent. */
  public void recordStop(CampaignId campaign, CompletionStage<?> stage, String how) {
    stage.thenRun(() -> stops.add(new Stop(campaign, moves.size(), requests(), how)));
  }

  /** Records leads accepted at set-up. */
  public void accepted(CampaignId campaign, List<PhoneNumber> numbers) {
    accepted.get(campaign).addAll(numbers);
  }

  public List<Stop> stops() {
    return stops;
  }

  /** Every campaign status the store committed, in commit order. */
  public List<Move> moves() {
    return moves;
  }

  /**
   * Notes what a store operation committed, called by the world right after the store answered,
   * before any simulated loss of the answer: the truth the stop checks compare with (a resume whose
   * answer was lost, or that ran while a pause waited for its fence, still resumed the campaign).
   */
  void committed(String op, Object result) {
    if ((op.equals("transitionCampaign") || op.equals("completeIfDone"))
        && result instanceof Optional<?> moved
        && moved.orElse(null) instanceof Campaign c) {
      moves.add(new Move(c.id(), c.status(), requests()));
    } else if (op.equals("scheduleCallback")
        && result instanceof CallbackResult r
        && r.result() == CallbackResult.Result.REOPENED) {
      moves.add(new Move(r.lead().campaignId(), CampaignStatus.RUNNING, requests()));
    }
  }

  public Map<CampaignId, Set<PhoneNumber>> accepted() {
    return accepted;
  }

  /** A number no lead of the simulation has yet. */
  public PhoneNumber freshNumber() {
    return PhoneNumber.of(String.format("+1212%07d", 2_000_000 + nextNumber++));
  }

  private void act() {
    List<SimInstance> up = new ArrayList<>();
    for (SimInstance i : world.instances()) {
      if (i.runnable()) {
        up.add(i);
      }
    }
    if (up.isEmpty()) {
      return;
    }
    SimInstance via = up.get(world.random().nextInt(up.size()));
    SimCampaign campaign = campaigns.get(world.random().nextInt(campaigns.size()));
    double kind = world.random().nextDouble();
    boolean hangUp = world.random().nextBoolean();
    List<NewLead> batch = new ArrayList<>();
    int count = 1 + world.random().nextInt(3);
    for (int i = 0; i < count; i++) {
      batch.add(NewLead.of(freshNumber().e164()));
    }
    world.stats().operatorActions++;
    via.execute(via.incarnation(), () -> act(via, campaign, kind, hangUp, batch));
  }

  private void act(
      SimInstance via, SimCampaign c, double kind, boolean hangUp, List<NewLead> batch) {
    CampaignDialer dialer = via.dialer();
    try {
      if (kind < 0.3) {
        recordStop(
            c.id(), dialer.campaigns().pauseAsync(c.tenant(), c.id()), "pause via " + via.name());
      } else if (kind < 0.55) {
        dialer.campaigns().resume(c.tenant(), c.id());
      } else if (kind < 0.65) {
        recordStop(
            c.id(),
            dialer.campaigns().cancelAsync(c.tenant(), c.id(), hangUp),
            "cancel via " + via.name());
      } else {
        ImportReport report = dialer.leads().add(c.tenant(), c.id(), batch);
        Set<PhoneNumber> duplicates = new HashSet<>(report.duplicates());
        for (NewLead lead : batch) {
          if (!duplicates.contains(lead.phone())) {
            accepted.get(c.id()).add(lead.phone());
          }
        }
      }
    } catch (StoreException e) {
      // the store failed: the operator was told nothing, so nothing is promised
    } catch (DialkitException e) {
      // refused (not in a state for it): a clear answer, nothing promised
    }
  }

  private long requests() {
    return world.provider().requests().size();
  }
}
