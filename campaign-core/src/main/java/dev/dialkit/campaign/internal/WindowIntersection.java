package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.CallingWindow;
import dev.dialkit.campaign.InvalidConfigurationException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The times two calling windows are both open, as one window: both are laid out over a local week
 * (each open day an interval, an overnight one running into the next day), the intervals are
 * intersected, and the result must again be one interval a day, the same on every day it opens.
 * That holds whenever a window open by day meets another open by day, which is every legal preset;
 * an intersection that opens twice a day, or never, is refused rather than approximated.
 */
public final class WindowIntersection {
  private static final long DAY = 86_400_000_000_000L;
  private static final long WEEK = 7 * DAY;

  private record Span(long from, long to) {}

  private WindowIntersection() {}

  /**
   * The window open exactly when both are, with {@code zone} for leads without one.
   *
   * @throws InvalidConfigurationException if they are never open together, or together only in a
   *     shape no single window has
   */
  public static CallingWindow of(CallingWindow a, CallingWindow b, ZoneId zone) {
    if (a.equals(CallingWindow.always()) || b.equals(CallingWindow.always())) {
      CallingWindow narrower = a.equals(CallingWindow.always()) ? b : a;
      return new CallingWindow(
          narrower.start(), narrower.end(), narrower.days(), zone, narrower.overnight());
    }
    List<Span> both = joinAcrossWeekEnd(intersect(spans(a), spans(b)));
    if (both.isEmpty()) {
      throw refused(a, b, "they are never open at the same time");
    }
    long start = Math.floorMod(both.get(0).from(), DAY);
    long length = both.get(0).to() - both.get(0).from();
    if (length > DAY) {
      throw refused(a, b, "together they stay open for more than a day at a time");
    }
    EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (Span span : both) {
      if (!days.add(DayOfWeek.of((int) Math.floorMod(span.from() / DAY, 7L) + 1))) {
        throw refused(a, b, "together they open twice a day");
      }
    }
    for (Span span : both) {
      if (Math.floorMod(span.from(), DAY) != start || span.to() - span.from() != length) {
        throw refused(a, b, "together they open at different times on different days");
      }
    }
    long end = start + length;
    boolean overnight = end > DAY;
    LocalTime endTime =
        end == DAY ? LocalTime.MAX : LocalTime.ofNanoOfDay(overnight ? end - DAY : end);
    return new CallingWindow(LocalTime.ofNanoOfDay(start), endTime, days, zone, overnight);
  }

  /** The window's open times over one week from Monday 00:00, in nanoseconds, wrapping Sunday. */
  private static List<Span> spans(CallingWindow w) {
    List<Span> spans = new ArrayList<>();
    for (DayOfWeek day : w.days()) {
      long base = (day.getValue() - 1) * DAY;
      long from = base + w.start().toNanoOfDay();
      long to = base + w.end().toNanoOfDay() + (w.overnight() ? DAY : 0);
      if (w.end().equals(LocalTime.MAX)) {
        to++; // LocalTime.MAX is the end of the day, not a nanosecond before it
      }
      if (to > WEEK) {
        spans.add(new Span(from, WEEK));
        spans.add(new Span(0, to - WEEK));
      } else {
        spans.add(new Span(from, to));
      }
    }
    spans.sort((x, y) -> Long.compare(x.from(), y.from()));
    return spans;
  }

  private static List<Span> intersect(List<Span> xs, List<Span> ys) {
    List<Span> out = new ArrayList<>();
    for (Span x : xs) {
      for (Span y : ys) {
        long from = Math.max(x.from(), y.from());
        long to = Math.min(x.to(), y.to());
        if (from < to) {
          out.add(new Span(from, to));
        }
      }
    }
    out.sort((x, y) -> Long.compare(x.from(), y.from()));
    // adjacent pieces (a window open from Monday into Tuesday split at midnight) are one span
    List<Span> merged = new ArrayList<>();
    for (Span s : out) {
      Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && last.to() >= s.from()) {
        merged.set(merged.size() - 1, new Span(last.from(), Math.max(last.to(), s.to())));
      } else {
        merged.add(s);
      }
    }
    return merged;
  }

  /** A span that runs past Sunday midnight was cut in two above; joins it again. */
  private static List<Span> joinAcrossWeekEnd(List<Span> spans) {
    if (spans.size() < 2) {
      return spans;
    }
    Span first = spans.get(0);
    Span last = spans.get(spans.size() - 1);
    if (first.from() == 0 && last.to() == WEEK) {
      List<Span> joined = new ArrayList<>(spans.subList(1, spans.size() - 1));
      joined.add(new Span(last.from(), WEEK + first.to()));
      return joined;
    }
    return spans;
  }

  private static InvalidConfigurationException refused(
      CallingWindow a, CallingWindow b, String why) {
    return new InvalidConfigurationException(
        "callingWindow", a + " narrowed by " + b, "cannot be combined: " + why);
  }
}
