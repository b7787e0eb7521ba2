package dev.dialkit.campaign;

/**
 * The owner of campaigns: a user or client of the host application. Every read and write in Dialkit
 * is scoped by a tenant, and concurrency can be limited per tenant.
 *
 * @param value 1 to 128 characters of letters, digits, {@code . _ : -}
 */
public record TenantId(String value) {
  public TenantId {
    Ids.check("tenant id", value);
  }

  public static TenantId of(String value) {
    return new TenantId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
