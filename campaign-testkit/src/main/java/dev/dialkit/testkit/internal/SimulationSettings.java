package dev.dialkit.testkit.internal;

import dev.dialkit.campaign.PhoneNumber;
import java.net.URI;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * The validated settings of a simulated provider; the public builder checks every range before
 * making one. Probabilities are in [0, 1]; a {@code callsPerSecondLimit} of 0 means no limit. A
 * late webhook (odds {@code lateProbability}) arrives {@code lateDelay} after it would have; a call
 * rings, or ends busy or failed, {@code callSetup} after it was created.
 */
public record SimulationSettings(
    String name,
    URI callbackBaseUrl,
    String signingSecret,
    long seed,
    double machineProbability,
    double busyProbability,
    double noAnswerProbability,
    double failedProbability,
    Duration callSetup,
    Duration ringTimeMin,
    Duration ringTimeMax,
    Duration talkTimeMean,
    double talkTimeSigma,
    Duration apiLatency,
    Predicate<PhoneNumber> invalidNumbers,
    double callsPerSecondLimit,
    double unavailableProbability,
    double timeoutProbability,
    Duration webhookDelayMin,
    Duration webhookDelayMax,
    double duplicateProbability,
    double reorderProbability,
    double lossProbability,
    double lateProbability,
    Duration lateDelay,
    boolean synchronousAnswers) {}
