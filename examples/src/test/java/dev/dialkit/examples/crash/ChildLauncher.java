package dev.dialkit.examples.crash;

import dev.dialkit.campaign.CampaignId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link CrashChildMain} in its own JVM on the test's classpath, each child's output in its
 * own file under the run's directory, and kills children with SIGKILL ({@link
 * Process#destroyForcibly()} on Linux).
 */
final class ChildLauncher {
  private static final int LOG_TAIL_LINES = 400;

  private final Path dir;
  private final List<String> command;
  private final String jdbcUrl;
  private final List<Path> logs = new ArrayList<>();
  private final List<Process> started = new ArrayList<>();

  ChildLauncher(Path dir, CrashDatabase db, String twilioUrl, int port, CampaignId campaign) {
    this.dir = dir;
    this.jdbcUrl = db.url;
    // under surefire java.class.path is the test classpath itself (the manifest-only booter jar
    // is in surefire.real.class.path); either works after -cp
    this.command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            // short-lived JVMs on a small machine: start fast, stay small
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xmx256m",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
            "-Dorg.slf4j.simpleLogger.log.dev.dialkit=debug",
            "-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
            CrashChildMain.class.getName(),
            "twilio=" + twilioUrl,
            "port=" + port,
            "campaign=" + campaign.value(),
            "prefix=" + db.tablePrefix);
  }

  /** Starts a child with this instance id. */
  Process start(String instanceId) throws IOException {
    Path log = dir.resolve("child-" + logs.size() + "-" + instanceId + ".log");
    List<String> cmd = new ArrayList<>(command);
    cmd.add("instance=" + instanceId);
    ProcessBuilder builder =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put(CrashChildMain.JDBC_URL_ENV, jdbcUrl);
    logs.add(log);
    Process process = builder.start();
    started.add(process);
    return process;
  }

  /** SIGKILL, then waits until the process is gone. */
  static void kill(Process child) throws InterruptedException {
    child.destroyForcibly();
    if (!child.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("child " + child.pid() + " survived SIGKILL for 30 s");
    }
  }

  /** Kills every child still running (after a failure). */
  void killAll() throws InterruptedException {
    for (Process p : started) {
      if (p.isAlive()) {
        kill(p);
      }
    }
  }

  /** The end of every child's output, for a failure report. */
  String logs() {
    StringBuilder out = new StringBuilder();
    for (Path log : logs) {
      out.append("\n===== ").append(log).append(" =====\n");
      try {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        int from = Math.max(0, lines.size() - LOG_TAIL_LINES);
        if (from > 0) {
          out.append("[... ").append(from).append(" lines ...]\n");
        }
        lines.subList(from, lines.size()).forEach(l -> out.append(l).append('\n'));
      } catch (IOException e) {
        out.append("(unreadable: ").append(e).append(")\n");
      }
    }
    return out.toString();
  }
}
