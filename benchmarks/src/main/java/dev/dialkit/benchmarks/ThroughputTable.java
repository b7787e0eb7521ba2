package dev.dialkit.benchmarks;

import java.util.Locale;

/** One database's figures as a {@link TextTable}: each measurement with its ratio and loads. */
final class ThroughputTable {
  private final TextTable table =
      new TextTable(
              "measurement",
              "threads",
              "count",
              "seconds",
              "per second",
              "ratio",
              "load avg at start",
              "load avg at end",
              "note")
          .textFrom(8);

  /** Adds {@code m}; {@code ratioTo} is the figure its ratio is taken to, or null for none. */
  ThroughputTable add(Measurement m, Measurement ratioTo, String ratioName) {
    String ratio =
        ratioTo == null
            ? ""
            : String.format(Locale.ROOT, "%.2f × %s", m.rate() / ratioTo.rate(), ratioName);
    table.row(
        m.what(),
        String.valueOf(m.threads()),
        String.format(Locale.ROOT, "%,d", m.count()),
        String.format(Locale.ROOT, "%.2f", m.seconds()),
        String.format(Locale.ROOT, "%,.0f", m.rate()),
        ratio,
        m.loadStart(),
        m.loadEnd(),
        m.note());
    return this;
  }

  String render() {
    return table.render();
  }
}
