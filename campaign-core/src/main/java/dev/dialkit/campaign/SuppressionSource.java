package dev.dialkit.campaign;

/** Where a do-not-call entry came from: kept with the entry, for the record an auditor asks for. */
public enum SuppressionSource {
  /** The person asked not to be called again, during or after a call. */
  OPT_OUT,
  /** A complaint about calls to the number. */
  COMPLAINT,
  /** A national do-not-call registry (the US National DNC Registry, India's NCPR...). */
  NATIONAL_REGISTRY,
  /** Added by hand by the host's users. */
  MANUAL
}
