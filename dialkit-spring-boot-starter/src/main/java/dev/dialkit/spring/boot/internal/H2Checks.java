package dev.dialkit.spring.boot.internal;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns, once at start-up, about two H2 set-ups that lose calls:
 *
 * <ul>
 *   <li>an in-memory database (such as the one Spring Boot makes when H2 is on the classpath and no
 *       {@code spring.datasource.url} is set): the store is then as volatile as {@code
 *       dialkit.store.type=memory}, which the starter never picks silently;
 *   <li>a database that closes itself at JVM exit: H2 registers its own shutdown hook unless the
 *       URL says {@code DB_CLOSE_ON_EXIT=FALSE}; it runs at the same time as Spring's, so the
 *       database can close while the dialer is still draining, and every store call then fails.
 * </ul>
 *
 * The URLs themselves are never logged: they may carry a password.
 */
final class H2Checks {
  private static final Logger log = LoggerFactory.getLogger(H2Checks.class);

  private H2Checks() {}

  /**
   * @param springUrl {@code spring.datasource.url}, or empty: the URL when the pool shows none
   */
  static void warnAbout(DataSource dataSource, String springUrl) {
    String configured = configuredUrl(dataSource);
    if (configured == null && springUrl != null && !springUrl.isBlank()) {
      configured = springUrl;
    }
    // the driver's URL drops the settings, but says whether the database is in memory
    String url = configured != null ? configured : driverUrl(dataSource);
    if (inMemory(url)) {
      log.warn(
          "Dialkit store: JDBC on an in-memory H2 database; every campaign, lead and call is lost"
              + " when the application stops. Set spring.datasource.url to a file or server"
              + " database, or dialkit.store.type=memory to say that this is meant");
    }
    if (configured != null && closesOnExit(configured)) {
      log.warn(
          "Dialkit: the H2 database closes itself when the JVM exits, possibly before the dialer"
              + " has stopped; add ;DB_CLOSE_ON_EXIT=FALSE to its JDBC URL (spring.datasource.url)"
              + " so that Spring closes it after the dialer");
    }
  }

  /** The URL a pool was configured with (Hikari, DBCP, Tomcat, H2's, Spring's), or null. */
  private static String configuredUrl(DataSource dataSource) {
    for (String getter : new String[] {"getJdbcUrl", "getUrl", "getURL"}) {
      try {
        Method method = dataSource.getClass().getMethod(getter);
        if (method.getReturnType() == String.class) {
          return (String) method.invoke(dataSource);
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        // not this pool's getter; try the next
      }
    }
    return null;
  }

  private static String driverUrl(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getURL();
    } catch (SQLException e) {
      return null; // the store was just built on it: not worth a second warning
    }
  }

  static boolean inMemory(String url) {
    return url != null && url.regionMatches(true, 0, "jdbc:h2:mem:", 0, 12);
  }

  /** Whether an H2 JDBC URL leaves H2's shutdown hook on. */
  static boolean closesOnExit(String url) {
    if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
      return false;
    }
    String settings = url.toUpperCase(Locale.ROOT).replace(" ", "");
    return !settings.contains(";DB_CLOSE_ON_EXIT=FALSE");
  }
}
