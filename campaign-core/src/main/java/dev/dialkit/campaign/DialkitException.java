package dev.dialkit.campaign;

/**
 * The root of every exception Dialkit throws on purpose. Subclasses carry the ids and values that
 * explain the failure in fields as well as in the message.
 */
public abstract class DialkitException extends RuntimeException {
  protected DialkitException(String message) {
    super(message);
  }

  protected DialkitException(String message, Throwable cause) {
    super(message, cause);
  }
}
