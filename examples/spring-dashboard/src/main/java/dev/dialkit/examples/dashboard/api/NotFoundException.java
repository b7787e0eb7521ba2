package dev.dialkit.examples.dashboard.api;

/**
 * A call or lead the tenant does not have: a 404. It says nothing about whether another tenant has
 * one with that id.
 */
public class NotFoundException extends RuntimeException {
  private final String kind;
  private final String id;

  public NotFoundException(String kind, String id) {
    super(kind + " " + id + " not found");
    this.kind = kind;
    this.id = id;
  }

  public String kind() {
    return kind;
  }

  public String id() {
    return id;
  }
}
