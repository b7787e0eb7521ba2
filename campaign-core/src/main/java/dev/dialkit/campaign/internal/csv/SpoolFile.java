package dev.dialkit.campaign.internal.csv;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A temporary file made on first use and deleted on {@link #delete()} or, failing that, once its
 * owner is garbage-collected: a report the host forgets to close leaves no file behind for long.
 */
final class SpoolFile {
  private static final Cleaner CLEANER = Cleaner.create();

  private final AtomicReference<Path> path = new AtomicReference<>();
  private final Cleaner.Cleanable cleanable;

  /** A spool file for {@code owner}: deleted when {@code owner} becomes unreachable. */
  SpoolFile(Object owner) {
    AtomicReference<Path> shared = path;
    this.cleanable = CLEANER.register(owner, () -> deleteQuietly(shared.get()));
  }

  Path create() throws IOException {
    Path created = Files.createTempFile("dialkit-import-", ".csv");
    path.set(created);
    return created;
  }

  Path path() {
    Path p = path.get();
    if (p == null) {
      throw new IllegalStateException("the report is closed: its spooled rows are deleted");
    }
    return p;
  }

  void delete() {
    cleanable.clean();
    path.set(null);
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        // a temp file the OS will clear; nothing else to do
      }
    }
  }
}
