package dev.dialkit.examples.dashboard.api;

/**
 * A request parameter, header or body field that the API refuses before it reaches Dialkit: a 400
 * naming {@link #field()}. The message holds no raw input (Dialkit's own messages quote and escape
 * the values they echo).
 */
public class InvalidRequestException extends RuntimeException {
  private final String field;

  public InvalidRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
