package dev.dialkit.spring.boot;

/** {@code dialkit.store.jdbc.*}. */
public class JdbcStoreProperties {
  /**
   * The prefix of every table name; 1 to 30 letters, digits or '_'. With Flyway, pass the same
   * value as its placeholder dialkit_prefix.
   */
  private String tablePrefix = "dialkit_";

  /** postgresql, mariadb or h2, instead of the dialect detected from the database's metadata. */
  private String dialect;

  public String getTablePrefix() {
    return tablePrefix;
  }

  public void setTablePrefix(String tablePrefix) {
    this.tablePrefix = tablePrefix;
  }

  public String getDialect() {
    return dialect;
  }

  public void setDialect(String dialect) {
    this.dialect = dialect;
  }
}
