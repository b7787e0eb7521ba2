package dev.dialkit.campaign;

import java.util.List;
import java.util.Optional;

/** Reads calls. */
public interface Calls {
  /** The call, if the tenant has it. */
  Optional<Call> get(TenantId tenant, CallId id);

  /** The campaign's calls that have not ended. */
  List<Call> active(TenantId tenant, CampaignId campaign);
}
