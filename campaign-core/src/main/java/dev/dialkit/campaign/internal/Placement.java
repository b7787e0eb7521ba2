package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.PlacedCall;
import io.github.resilience4j.retry.Retry;

/** One placement of a claimed call: what it dials, and its retry state. */
record Placement(
    Campaign campaign, Lead lead, DialRequest request, Retry.AsyncContext<PlacedCall> retry) {}
