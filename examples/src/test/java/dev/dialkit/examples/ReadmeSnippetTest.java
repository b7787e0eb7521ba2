package dev.dialkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's code blocks are the tagged regions of {@link UsageSnippet} and {@link
 * OutcomesSnippet}, character for character after its common indentation is removed, so the README
 * never shows code that does not compile.
 */
class ReadmeSnippetTest {
  static final Path README = Path.of("..", "README.md");
  static final Path SNIPPET = Path.of("src/main/java/dev/dialkit/examples/UsageSnippet.java");
  static final String MARKER =
      "<!-- usage: examples/src/main/java/dev/dialkit/examples/UsageSnippet.java -->";

  @Test
  void readmeUsageBlockIsTheCompiledSnippet() throws IOException {
    check(MARKER, SNIPPET, "usage");
  }

  @Test
  void readmeOutcomesBlockIsTheCompiledSnippet() throws IOException {
    check(
        "<!-- outcomes: examples/src/main/java/dev/dialkit/examples/OutcomesSnippet.java -->",
        Path.of("src/main/java/dev/dialkit/examples/OutcomesSnippet.java"),
        "outcomes");
  }

  /** The README's block after {@code marker} is the {@code tag} region of {@code snippet}. */
  private static void check(String marker, Path snippet, String tag) throws IOException {
    String expected = String.join("\n", taggedRegion(Files.readAllLines(snippet), tag));
    String howToFix =
        "add to README.md the line\n"
            + marker
            + "\nfollowed by a ```java block holding exactly the code between // tag::"
            + tag
            + "[] and"
            + " // end::"
            + tag
            + "[] in "
            + snippet
            + ":\n\n```java\n"
            + expected
            + "\n```\n";
    if (!Files.exists(README)) {
      fail(README.toAbsolutePath().normalize() + " does not exist; " + howToFix);
    }
    List<String> readme = Files.readAllLines(README);
    int at = readme.stream().map(String::strip).toList().indexOf(marker);
    if (at < 0) {
      fail("README.md has no " + tag + " block; " + howToFix);
    }
    int open = at + 1;
    while (open < readme.size() && readme.get(open).isBlank()) {
      open++;
    }
    if (open == readme.size() || !readme.get(open).strip().equals("```java")) {
      fail(
          "README.md: the line after the "
              + tag
              + " marker must open a ```java block; "
              + howToFix);
    }
    int close = open + 1;
    while (close < readme.size() && !readme.get(close).strip().equals("```")) {
      close++;
    }
    if (close == readme.size()) {
      fail(
          "README.md: the "
              + tag
              + " block after line "
              + (open + 1)
              + " is never closed with ```");
    }
    String actual = String.join("\n", stripTrailing(readme.subList(open + 1, close)));

    assertThat(actual)
        .as("README.md %s block (line %d) vs the tagged region of %s", tag, open + 2, snippet)
        .isEqualTo(expected);
  }

  /** The lines between {@code tag::name[]} and {@code end::name[]}, common indentation removed. */
  static List<String> taggedRegion(List<String> source, String name) {
    int start = indexOfLineContaining(source, "// tag::" + name + "[]");
    int end = indexOfLineContaining(source, "// end::" + name + "[]");
    assertThat(start).as("tag::%s[] in %s", name, SNIPPET).isNotNegative();
    assertThat(end).as("end::%s[] after tag::%s[] in %s", name, name, SNIPPET).isGreaterThan(start);
    List<String> region = stripTrailing(source.subList(start + 1, end));
    int indent =
        region.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    return region.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
  }

  private static int indexOfLineContaining(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(text)) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> stripTrailing(List<String> lines) {
    return lines.stream().map(String::stripTrailing).toList();
  }
}
