package dev.dialkit.campaign.internal.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.dialkit.campaign.CsvImportException.Problem;
import dev.dialkit.campaign.CsvImportOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV rows one at a time with jackson's streaming parser, so that no more than a row is held.
 * Bytes are decoded with a decoder that reports bad input instead of replacing it, a UTF-8 BOM is
 * skipped, and a field longer than the limit stops the parser as its buffer grows past it
 * (jackson's {@link StreamReadConstraints}), before the field is read whole.
 */
final class CsvInput implements AutoCloseable {
  /** Fields kept past the header's count, to show in the error report; the rest only counted. */
  static final int MAX_EXTRA_FIELDS = 16;

  private final CsvParser parser;
  private final int maxFieldLength;
  private int width = Integer.MAX_VALUE - MAX_EXTRA_FIELDS;
  // counted here: jackson's CSV line numbers drift on quoted fields that span lines
  private long nextLine = 1;

  private CsvInput(Reader reader, CsvImportOptions options) throws IOException {
    this.maxFieldLength = options.maxFieldLength();
    CsvFactory factory =
        CsvFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE) // the host's stream: the host closes it
            .streamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(options.maxFieldLength()).build())
            .build();
    this.parser = (CsvParser) factory.createParser(reader);
    parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(options.separator()));
  }

  static CsvInput of(InputStream in, CsvImportOptions options) {
    try {
      PushbackInputStream bytes = new PushbackInputStream(in, 3);
      if (options.charset().equals(StandardCharsets.UTF_8)) {
        skipBom(bytes);
      }
      // REPORT: a Latin-1 file read as UTF-8 must fail, not import names full of U+FFFD
      Reader reader =
          new InputStreamReader(
              bytes,
              options
                  .charset()
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPORT)
                  .onUnmappableCharacter(CodingErrorAction.REPORT));
      return new CsvInput(reader, options);
    } catch (IOException e) {
      throw new CsvFailure(Problem.READ_FAILED, 0, "", "cannot read the input: " + e, e);
    }
  }

  static CsvInput of(Reader in, CsvImportOptions options) {
    try {
      PushbackReader reader = new PushbackReader(in, 1);
      int first = reader.read();
      if (first != -1 && first != '\uFEFF') {
        reader.unread(first);
      }
      return new CsvInput(reader, options);
    } catch (IOException e) {
      throw new CsvFailure(Problem.READ_FAILED, 0, "", "cannot read the input: " + e, e);
    }
  }

  private static void skipBom(PushbackInputStream in) throws IOException {
    byte[] head = new byte[3];
    int n = in.readNBytes(head, 0, 3);
    boolean bom =
        n == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
    if (!bom && n > 0) {
      in.unread(head, 0, n);
    }
  }

  /** Sets the header's field count: fields past it plus {@link #MAX_EXTRA_FIELDS} are dropped. */
  void width(int headerWidth) {
    this.width = headerWidth;
  }

  /** The next row, or null at the end of the input. */
  Row next() {
    long line = 0;
    try {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return null;
      }
      line = nextLine;
      if (token != JsonToken.START_ARRAY) {
        throw new CsvFailure(Problem.READ_FAILED, line, "", "unexpected " + token);
      }
      List<String> fields = new ArrayList<>();
      int count = 0;
      while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
        nextLine +=
            lineBreaks(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        if (count++ < width + MAX_EXTRA_FIELDS) {
          fields.add(parser.getText());
        }
      }
      nextLine++;
      return new Row(line, fields.toArray(String[]::new), count);
    } catch (StreamConstraintsException e) {
      throw new CsvFailure(
          Problem.TOO_LONG,
          line > 0 ? line : lineNow(line),
          "",
          "a field is longer than " + maxFieldLength + " characters (maxFieldLength)",
          e);
    } catch (CharacterCodingException e) {
      throw badEncoding(line, e);
    } catch (IOException e) {
      if (e.getCause() instanceof CharacterCodingException cce) {
        throw badEncoding(line, cce);
      }
      throw new CsvFailure(
          Problem.READ_FAILED, lineNow(line), "", "not readable as CSV: " + detail(e), e);
    }
  }

  private static String detail(IOException e) {
    return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.toString();
  }

  private CsvFailure badEncoding(long line, CharacterCodingException e) {
    return new CsvFailure(
        Problem.BAD_ENCODING,
        lineNow(line),
        "",
        "bytes not valid in the import's charset (set CsvImportOptions.charset)",
        e);
  }

  /** The line the parser has reached, for a failure inside a row. */
  private long lineNow(long rowLine) {
    long now = lineOf(parser.currentLocation().getLineNr());
    return Math.max(now, Math.max(rowLine, nextLine));
  }

  /** Line breaks in a field (CRLF, LF or a lone CR): lines its row spans past the first. */
  private static int lineBreaks(char[] text, int offset, int length) {
    int breaks = 0;
    for (int i = offset; i < offset + length; i++) {
      if (text[i] == '\n'
          || (text[i] == '\r' && (i + 1 == offset + length || text[i + 1] != '\n'))) {
        breaks++;
      }
    }
    return breaks;
  }

  /** Jackson's CSV line numbers count from 0 (and -1 before the first): people count from 1. */
  private static long lineOf(int jacksonLine) {
    return Math.max(1, jacksonLine + 1L);
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      // the host's stream: it may fail to close; the import's outcome does not depend on it
    }
  }
}
