/**
 * Bolna hosted voice agents for Dialkit.
 *
 * <ul>
 *   <li>{@link dev.dialkit.provider.bolna.BolnaProvider}, built with {@link
 *       dev.dialkit.provider.bolna.BolnaProviderBuilder}: places calls through {@code POST /call}
 *       with the lead's variables as {@code user_data} and Bolna's retries off, records the {@code
 *       execution_id} as the provider call id, maps Bolna's errors to retryable, ambiguous or
 *       permanent {@link dev.dialkit.campaign.ProviderException}s, parses the per-agent execution
 *       webhook (both spellings of the fields Bolna renamed; {@code completed} is no proof of an
 *       answer), and answers status queries from {@code GET /executions/{id}}.
 * </ul>
 *
 * <p>A thin client over {@code java.net.http}: no SDK, no static state, the API key per instance,
 * and no retries of its own. Everything in {@code dev.dialkit.provider.bolna.internal} carries no
 * compatibility promise.
 */
package dev.dialkit.provider.bolna;
