package dev.dialkit.campaign;

import java.util.concurrent.CompletionStage;

/**
 * Runs after a lead is claimed and before its call is placed, for example to warm up the voice bot
 * that will answer. The call is placed when the stage completes normally. If it fails, the call is
 * not placed: it ends {@link CallStatus#CANCELED} with reason {@link FailureReason#PRE_DIAL_HOOK},
 * and the lead goes back to the queue with its attempt not counted, to be tried again after the
 * dialer's hook retry delay. A hook must not block: return a stage.
 */
@FunctionalInterface
public interface PreDialHook {
  /**
   * Prepares the call.
   *
   * @param campaign the campaign
   * @param lead the lead, claimed
   * @param call the call about to be placed, {@link CallStatus#INITIATED}
   */
  CompletionStage<Void> beforeDial(Campaign campaign, Lead lead, Call call);
}
