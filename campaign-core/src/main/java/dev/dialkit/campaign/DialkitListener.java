package dev.dialkit.campaign;

/**
 * Receives {@link DialkitEvent}s. Each listener gets the events in order on its own queue, off the
 * dialing path: a slow listener delays only itself, and an exception it throws is logged and never
 * reaches the dialer or another listener.
 */
@FunctionalInterface
public interface DialkitListener {
  void onEvent(DialkitEvent event);
}
