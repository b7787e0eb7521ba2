package dev.dialkit.examples;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on {@code out} that suits where the output goes: redrawn in place on a terminal;
 * in ASCII, one line per refresh, when the output is a file or a CI log, where a carriage return
 * would pile every frame onto one line.
 */
final class ConsoleProgress {
  /** The widest line printed when the output is not a terminal. */
  static final int PLAIN_WIDTH = 110;

  private ConsoleProgress() {}

  static ProgressBar bar(String task, long total, PrintStream out) {
    boolean terminal = System.console() != null;
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(total)
        .setStyle(terminal ? ProgressBarStyle.UNICODE_BLOCK : ProgressBarStyle.ASCII)
        .setConsumer(terminal ? new ConsoleProgressBarConsumer(out) : new LinePerFrame(out))
        .setUpdateIntervalMillis(terminal ? 100 : 1_000)
        .hideEta() // the run is short; keep the width for the bar and the message
        .build();
  }

  /** Prints each frame on a line of its own, skipping a frame equal to the previous one. */
  private static final class LinePerFrame implements ProgressBarConsumer {
    private final PrintStream out;
    private String last = "";

    LinePerFrame(PrintStream out) {
      this.out = out;
    }

    @Override
    public int getMaxRenderedLength() {
      return PLAIN_WIDTH;
    }

    @Override
    public synchronized void accept(String frame) {
      String line = frame.strip();
      if (!line.equals(last)) {
        out.println(line);
        last = line;
      }
    }

    @Override
    public void close() {
      out.flush();
    }
  }
}
