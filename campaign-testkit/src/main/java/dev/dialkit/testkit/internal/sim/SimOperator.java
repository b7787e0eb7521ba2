package dev.dialkit.testkit.internal.sim;

import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.DialkitException;
import dev.dialkit.campaign.ImportReport;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The operator: pauses, resumes, cancels and adds leads at random moments, each through a random
 * living instance (as an HTTP request reaching one pod), and records what it was told: when a pause
 * or cancel returned (from then on no request of that campaign may reach the provider until a
 * resume is asked), and which leads an add accepted.
 */
public final class SimOperator {
  /** A pause or cancel returned when the provider had received {@code fromRequest} requests. */
  public record Stop(CampaignId campaign, long fromRequest, String how) {}

  /** A resume was asked when the provider had received {@code atRequest} requests. */
  public record Resume(CampaignId campaign, long atRequest) {}

  private final SimWorld world;
  private final List<SimCampaign> campaigns;
  private final List<Stop> stops = new ArrayList<>();
  private final List<Resume> resumes = new ArrayList<>();
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
    stage.thenRun(() -> stops.add(new Stop(campaign, requests(), how)));
  }

  /** Records leads accepted at set-up. */
  public void accepted(CampaignId campaign, List<PhoneNumber> numbers) {
    accepted.get(campaign).addAll(numbers);
  }

  public List<Stop> stops() {
    return stops;
  }

  public List<Resume> resumes() {
    return resumes;
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
        resumes.add(new Resume(c.id(), requests()));
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
