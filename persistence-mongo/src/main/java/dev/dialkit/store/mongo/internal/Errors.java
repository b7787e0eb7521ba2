package dev.dialkit.store.mongo.internal;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import dev.dialkit.campaign.StoreException;

/** Turns driver exceptions into {@link StoreException}s that say what to do about them. */
public final class Errors {
  /** Duplicate key: an insert or upsert lost a race that means "already done". */
  public static final int DUPLICATE_KEY = 11000;

  public static final int UNAUTHORIZED = 13;
  public static final int INVALID_NAMESPACE = 73;
  public static final int INDEX_OPTIONS_CONFLICT = 85;
  public static final int INDEX_KEY_SPECS_CONFLICT = 86;
  public static final int INDEX_ALREADY_EXISTS = 68;

  private Errors() {}

  /** Whether {@code e} is a duplicate-key error (alone, or every error of a bulk write). */
  public static boolean isDuplicateKey(MongoException e) {
    if (e instanceof MongoBulkWriteException bulk) {
      return !bulk.getWriteErrors().isEmpty()
          && bulk.getWriteErrors().stream().allMatch(w -> w.getCode() == DUPLICATE_KEY);
    }
    if (e instanceof MongoWriteException write) {
      return write.getError().getCode() == DUPLICATE_KEY;
    }
    return e.getCode() == DUPLICATE_KEY;
  }

  /**
   * The store exception for {@code e}, raised while doing {@code what} on database {@code
   * database}.
   */
  public static StoreException translate(String what, String database, MongoException e) {
    int code = code(e);
    if (e instanceof MongoSecurityException || code == UNAUTHORIZED) {
      return new StoreException(
          "MongoDB refused to "
              + what
              + ": the user is not authorised on database '"
              + database
              + "' (code "
              + code
              + "); grant it the readWrite role on that database, and createIndex for the start"
              + " (dbAdmin), or create the indexes beforehand",
          false,
          e);
    }
    if (code == INVALID_NAMESPACE) {
      return new StoreException(
          "MongoDB rejected the database or collection name while trying to "
              + what
              + ": '"
              + database
              + "' (code 73 InvalidNamespace): "
              + e.getMessage(),
          false,
          e);
    }
    boolean transientFailure =
        e instanceof MongoSocketException
            || e instanceof MongoTimeoutException
            || e.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
            || e.hasErrorLabel("RetryableWriteError")
            || (e instanceof MongoServerException && isRetryableCode(code));
    return new StoreException(
        "MongoDB failed to " + what + " on database '" + database + "': " + e.getMessage(),
        transientFailure,
        e);
  }

  /** A clear error for an index that exists with other keys or options than the store needs. */
  public static StoreException indexConflict(
      String collection, String index, String wanted, MongoException e) {
    return new StoreException(
        "index '"
            + index
            + "' on collection '"
            + collection
            + "' already exists with other keys or options than Dialkit needs ("
            + wanted
            + "); drop it or use another collection prefix (code "
            + code(e)
            + "): "
            + e.getMessage(),
        false,
        e);
  }

  static int code(MongoException e) {
    if (e instanceof MongoCommandException command) {
      return command.getErrorCode();
    }
    if (e instanceof MongoWriteException write) {
      return write.getError().getCode();
    }
    return e.getCode();
  }

  private static boolean isRetryableCode(int code) {
    // NotWritablePrimary, NotPrimaryNoSecondaryOk, PrimarySteppedDown, ShutdownInProgress,
    // HostUnreachable, HostNotFound, NetworkTimeout, InterruptedAtShutdown, ExceededTimeLimit
    return switch (code) {
      case 6, 7, 89, 91, 189, 262, 10107, 11600, 11602, 13435, 13436, 50 -> true;
      default -> false;
    };
  }
}
