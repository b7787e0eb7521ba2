package dev.dialkit.campaign;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.Untrusted;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How {@link Leads#importCsv} and {@link Suppressions#importCsv} read a CSV file. Immutable; made
 * with {@link #builder()}, {@link #from} or {@link #defaults()}. Every setter checks its value and
 * throws {@link InvalidConfigurationException} naming it.
 *
 * <p><b>Modes.</b> {@link Mode#BEST_EFFORT} (the default) stores the good rows in batches of {@link
 * #batchSize()} as it reads and reports the others. {@link Mode#ALL_OR_NOTHING} holds every valid
 * row until the end and stores them in one store call, which the store makes atomic, only if no row
 * was turned away for a reason in {@link #abortOn()}; otherwise it stores nothing and throws {@link
 * CsvImportException} ({@link CsvImportException.Problem#ROWS_REJECTED}) with the report. Because
 * the rows are held in memory, an all-or-nothing import reads at most {@value
 * #MAX_ALL_OR_NOTHING_ROWS} rows. Do-not-call imports are always best-effort.
 */
public final class CsvImportOptions {
  /** How rows that are turned away affect the rest. */
  public enum Mode {
    /** Store the good rows, report the others. */
    BEST_EFFORT,
    /** Store nothing if any row is turned away for a reason in {@link #abortOn()}. */
    ALL_OR_NOTHING
  }

  /** What a column holds, for an explicit {@link Builder#column mapping}. */
  public enum Field {
    PHONE,
    NAME,
    EMAIL,
    COMPANY,
    TIME_ZONE,
    PRIORITY,
    /** Do-not-call imports: the entry's reason. */
    REASON,
    /** Do-not-call imports: the entry's {@link SuppressionSource}, by name. */
    SOURCE,
    /** Not read. */
    IGNORE
  }

  /** {@value}: rows stored per store call (one do-not-call lookup and one insert each). */
  public static final int DEFAULT_BATCH_SIZE = 5_000;

  /** {@value}: the most rows a best-effort import reads by default. */
  public static final int DEFAULT_MAX_ROWS = 10_000_000;

  /** {@value}: the most rows an all-or-nothing import may read (they are held in memory). */
  public static final int MAX_ALL_OR_NOTHING_ROWS = 100_000;

  /** {@value}: the longest field, in characters; a longer one stops the import. */
  public static final int DEFAULT_MAX_FIELD_LENGTH = 4_096;

  /**
   * The number types accepted by default: mobile, and mobile-or-fixed where a country mixes them.
   */
  public static final Set<NumberType> DEFAULT_NUMBER_TYPES =
      Set.copyOf(EnumSet.of(NumberType.MOBILE, NumberType.FIXED_LINE_OR_MOBILE));

  private final String defaultRegion;
  private final Charset charset;
  private final char separator;
  private final Map<String, Field> columns;
  private final Map<String, String> variables;
  private final Set<NumberType> numberTypes;
  private final Mode mode;
  private final Set<RejectedRow.Reason> abortOn;
  private final int batchSize;
  private final int maxRows;
  private final Integer explicitMaxRows; // for from(): a mode set later picks its own default
  private final int maxFieldLength;
  private final SuppressionSource suppressionSource;

  private CsvImportOptions(Builder b) {
    this.defaultRegion = b.defaultRegion;
    this.charset = b.charset;
    this.separator = b.separator;
    this.columns = Map.copyOf(b.columns);
    this.variables = Map.copyOf(b.variables);
    this.numberTypes = Set.copyOf(b.numberTypes);
    this.mode = b.mode;
    this.abortOn = Set.copyOf(b.abortOn);
    this.batchSize = b.batchSize;
    this.explicitMaxRows = b.maxRows;
    this.maxRows = b.maxRows != null ? b.maxRows : defaultMaxRows(b.mode);
    this.maxFieldLength = b.maxFieldLength;
    this.suppressionSource = b.suppressionSource;
  }

  private static int defaultMaxRows(Mode mode) {
    return mode == Mode.ALL_OR_NOTHING ? MAX_ALL_OR_NOTHING_ROWS : DEFAULT_MAX_ROWS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The defaults: numbers must be written with {@code +} and a country code. */
  public static CsvImportOptions defaults() {
    return builder().build();
  }

  /** A builder holding the settings of {@code options}. */
  public static Builder from(CsvImportOptions options) {
    Builder b = new Builder();
    b.defaultRegion = options.defaultRegion;
    b.charset = options.charset;
    b.separator = options.separator;
    b.columns.putAll(options.columns);
    b.variables.putAll(options.variables);
    b.numberTypes = EnumSet.copyOf(options.numberTypes);
    b.mode = options.mode;
    b.abortOn =
        options.abortOn.isEmpty()
            ? EnumSet.noneOf(RejectedRow.Reason.class)
            : EnumSet.copyOf(options.abortOn);
    b.batchSize = options.batchSize;
    b.maxRows = options.explicitMaxRows;
    b.maxFieldLength = options.maxFieldLength;
    b.suppressionSource = options.suppressionSource;
    return b;
  }

  /** ISO 3166 region national numbers are read in ({@code IN}, {@code US}), or null: none. */
  public String defaultRegion() {
    return defaultRegion;
  }

  public Charset charset() {
    return charset;
  }

  public char separator() {
    return separator;
  }

  /** Explicit mappings, by header as given (matched case-insensitively). */
  public Map<String, Field> columns() {
    return columns;
  }

  /** Explicit header to variable-key mappings. */
  public Map<String, String> variables() {
    return variables;
  }

  public Set<NumberType> numberTypes() {
    return numberTypes;
  }

  public Mode mode() {
    return mode;
  }

  public Set<RejectedRow.Reason> abortOn() {
    return abortOn;
  }

  public int batchSize() {
    return batchSize;
  }

  public int maxRows() {
    return maxRows;
  }

  public int maxFieldLength() {
    return maxFieldLength;
  }

  public SuppressionSource suppressionSource() {
    return suppressionSource;
  }

  /** Builds {@link CsvImportOptions}; see each setter for its default and range. */
  public static final class Builder {
    private String defaultRegion;
    private Charset charset = StandardCharsets.UTF_8;
    private char separator = ',';
    private final Map<String, Field> columns = new LinkedHashMap<>();
    private final Map<String, String> variables = new LinkedHashMap<>();
    private EnumSet<NumberType> numberTypes = EnumSet.copyOf(DEFAULT_NUMBER_TYPES);
    private Mode mode = Mode.BEST_EFFORT;
    private EnumSet<RejectedRow.Reason> abortOn =
        EnumSet.of(RejectedRow.Reason.MALFORMED, RejectedRow.Reason.INVALID);
    private int batchSize = DEFAULT_BATCH_SIZE;
    private Integer maxRows;
    private int maxFieldLength = DEFAULT_MAX_FIELD_LENGTH;
    private SuppressionSource suppressionSource = SuppressionSource.MANUAL;

    private Builder() {}

    /**
     * The region numbers without {@code +} are read in: ISO 3166 code such as {@code IN}, so that
     * {@code 098765 43210} becomes {@code +919876543210}. Default none: such numbers are invalid.
     */
    public Builder defaultRegion(String region) {
      if (region == null) {
        this.defaultRegion = null;
        return this;
      }
      String upper = region.strip().toUpperCase(Locale.ROOT);
      if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(upper)) {
        throw new InvalidConfigurationException(
            "defaultRegion",
            Untrusted.quote(region),
            "must be an ISO 3166 region libphonenumber knows");
      }
      this.defaultRegion = upper;
      return this;
    }

    /**
     * The charset of an {@code InputStream}; default UTF-8. Bytes that are not valid in it stop the
     * import ({@link CsvImportException.Problem#BAD_ENCODING}) rather than becoming {@code �}. A
     * UTF-8 byte-order mark is skipped. Not used for a {@code Reader}.
     */
    public Builder charset(Charset charset) {
      this.charset = Objects.requireNonNull(charset, "charset");
      return this;
    }

    /** The column separator; default {@code ','}. Not a quote, letter, digit, CR or LF. */
    public Builder separator(char separator) {
      if (separator == '"'
          || separator == '\r'
          || separator == '\n'
          || Character.isLetterOrDigit(separator)) {
        throw new InvalidConfigurationException(
            "separator",
            Untrusted.quote(String.valueOf(separator)),
            "must not be a quote, CR, LF, letter or digit");
      }
      this.separator = separator;
      return this;
    }

    /**
     * Reads the column headed {@code header} (case-insensitively) as {@code field}, overriding the
     * aliases. Default: none; headers are matched by alias.
     */
    public Builder column(String header, Field field) {
      checkHeader(header);
      Objects.requireNonNull(field, "field");
      columns.put(header.strip(), field);
      return this;
    }

    /** Reads the column headed {@code header} into the agent variable {@code key}. */
    public Builder variable(String header, String key) {
      checkHeader(header);
      TextRules.Problem problem =
          TextRules.variables(
              Map.of(String.valueOf(key), ""),
              1,
              NewLead.MAX_VARIABLE_KEY_LENGTH,
              NewLead.MAX_VARIABLE_VALUE_LENGTH);
      if (problem != null) {
        throw problem.config("variable");
      }
      variables.put(header.strip(), key);
      return this;
    }

    private static void checkHeader(String header) {
      if (header == null || header.isBlank()) {
        throw new InvalidConfigurationException(
            "column", Untrusted.quote(header), "header must not be blank");
      }
    }

    /** The number types accepted; default {@link #DEFAULT_NUMBER_TYPES}. Not empty. */
    public Builder numberTypes(Set<NumberType> types) {
      if (types == null || types.isEmpty() || types.stream().anyMatch(Objects::isNull)) {
        throw new InvalidConfigurationException(
            "numberTypes", types, "must name at least one type");
      }
      this.numberTypes = EnumSet.copyOf(types);
      return this;
    }

    /** Default {@link Mode#BEST_EFFORT}. */
    public Builder mode(Mode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * The reasons that make an all-or-nothing import store nothing; default {@code MALFORMED} and
     * {@code INVALID} (blank rows, repeated and suppressed numbers are reported but do not abort).
     * {@link RejectedRow.Reason#DUPLICATE_IN_CAMPAIGN} cannot abort: it is known only once stored.
     */
    public Builder abortOn(Set<RejectedRow.Reason> reasons) {
      if (reasons == null
          || reasons.stream()
              .anyMatch(r -> r == null || r == RejectedRow.Reason.DUPLICATE_IN_CAMPAIGN)) {
        throw new InvalidConfigurationException(
            "abortOn", reasons, "must not be null or hold null or DUPLICATE_IN_CAMPAIGN");
      }
      this.abortOn =
          reasons.isEmpty() ? EnumSet.noneOf(RejectedRow.Reason.class) : EnumSet.copyOf(reasons);
      return this;
    }

    /**
     * Rows per store call; default {@value #DEFAULT_BATCH_SIZE}, 1 to {@value
     * CampaignStore#MAX_SUPPRESSION_LOOKUP}.
     */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1 || batchSize > CampaignStore.MAX_SUPPRESSION_LOOKUP) {
        throw new InvalidConfigurationException(
            "batchSize",
            batchSize,
            "must be between 1 and " + CampaignStore.MAX_SUPPRESSION_LOOKUP);
      }
      this.batchSize = batchSize;
      return this;
    }

    /**
     * The most data rows read; one more stops the import ({@link
     * CsvImportException.Problem#TOO_MANY_ROWS}). Default {@value #DEFAULT_MAX_ROWS}, or {@value
     * #MAX_ALL_OR_NOTHING_ROWS} all-or-nothing, which is also the most allowed then.
     */
    public Builder maxRows(int maxRows) {
      if (maxRows < 1) {
        throw new InvalidConfigurationException("maxRows", maxRows, "must be >= 1");
      }
      this.maxRows = maxRows;
      return this;
    }

    /**
     * The longest field, in characters; a longer one stops the import without being read whole.
     * Default {@value #DEFAULT_MAX_FIELD_LENGTH}, 64 to 1,000,000.
     */
    public Builder maxFieldLength(int maxFieldLength) {
      if (maxFieldLength < 64 || maxFieldLength > 1_000_000) {
        throw new InvalidConfigurationException(
            "maxFieldLength", maxFieldLength, "must be between 64 and 1000000");
      }
      this.maxFieldLength = maxFieldLength;
      return this;
    }

    /** Do-not-call imports: the source of rows with no source column; default MANUAL. */
    public Builder suppressionSource(SuppressionSource source) {
      this.suppressionSource = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * @throws InvalidConfigurationException if all-or-nothing with more than {@value
     *     #MAX_ALL_OR_NOTHING_ROWS} rows
     */
    public CsvImportOptions build() {
      if (mode == Mode.ALL_OR_NOTHING && maxRows != null && maxRows > MAX_ALL_OR_NOTHING_ROWS) {
        throw new InvalidConfigurationException(
            "maxRows",
            maxRows,
            "must be <= " + MAX_ALL_OR_NOTHING_ROWS + " in ALL_OR_NOTHING mode");
      }
      return new CsvImportOptions(this);
    }
  }
}
