package dev.dialkit.micrometer;

/**
 * The meters' names and tag keys, under the configured prefixes (the README lists them all). Names
 * are dot-separated lower case, as Micrometer expects; each registry renders them its own way
 * ({@code dialkit_calls_placed_total} in Prometheus).
 */
record MeterNames(String prefix, String tagPrefix) {
  String callsPlaced() {
    return prefix + ".calls.placed";
  }

  String callsInProgress() {
    return prefix + ".calls.in.progress";
  }

  String callsEnded() {
    return prefix + ".calls.ended";
  }

  String placeFailures() {
    return prefix + ".calls.place.failures";
  }

  String failovers() {
    return prefix + ".calls.failovers";
  }

  String retries() {
    return prefix + ".calls.retries";
  }

  String claims() {
    return prefix + ".claims";
  }

  String webhooks() {
    return prefix + ".webhooks";
  }

  String providerRequests() {
    return prefix + ".provider.requests";
  }

  String storeFailures() {
    return prefix + ".store.failures";
  }

  String tenant() {
    return tagPrefix + "tenant";
  }

  String campaign() {
    return tagPrefix + "campaign";
  }

  String provider() {
    return tagPrefix + "provider";
  }

  String outcome() {
    return tagPrefix + "outcome";
  }

  String result() {
    return tagPrefix + "result";
  }

  String ended() {
    return tagPrefix + "ended";
  }

  String operation() {
    return tagPrefix + "operation";
  }

  String isTransient() {
    return tagPrefix + "transient";
  }
}
