package dev.dialkit.testkit;

/**
 * What a {@link SimulatedCallProvider} did with its webhooks so far. Faults are counted when they
 * are decided, so {@code sent} may lag behind until the scheduler has run the deliveries.
 *
 * @param events status events that occurred, one webhook each before faults
 * @param sent HTTP requests made to the connected {@code Webhooks} (duplicates and redeliveries
 *     included)
 * @param duplicated events chosen to be delivered a second time
 * @param dropped events lost (never delivered)
 * @param reordered events held back to be delivered after the call's next event
 * @param redelivered redeliveries after a 5xx answer
 * @param rejected deliveries finally answered with 4xx, or 5xx after the last redelivery
 */
public record WebhookDeliveryCounts(
    long events,
    long sent,
    long duplicated,
    long dropped,
    long reordered,
    long redelivered,
    long rejected) {}
