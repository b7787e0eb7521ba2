package dev.dialkit.jackson.internal;

import dev.dialkit.campaign.CampaignId;
import java.lang.reflect.RecordComponent;

/** Which classes are Dialkit's, and which of them are ids. */
final class DialkitTypes {
  /** The core's public API: its records are what the module writes. */
  static final String API_PACKAGE = CampaignId.class.getPackageName();

  private DialkitTypes() {}

  /** A record of the core's public API. */
  static boolean isApiRecord(Class<?> type) {
    return type.isRecord() && type.getPackageName().equals(API_PACKAGE);
  }

  /**
   * An id: a record of the core's API named {@code *Id} whose one component is {@code String
   * value}. Decided by shape, so an id type added to the core is a string without a change here.
   */
  static boolean isId(Class<?> type) {
    if (!isApiRecord(type) || !type.getSimpleName().endsWith("Id")) {
      return false;
    }
    RecordComponent[] components = type.getRecordComponents();
    return components.length == 1
        && components[0].getName().equals("value")
        && components[0].getType() == String.class;
  }
}
