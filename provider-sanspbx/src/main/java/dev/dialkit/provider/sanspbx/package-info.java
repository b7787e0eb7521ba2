/**
 * SansPBX (San Softwares' cloud PBX, India) for Dialkit.
 *
 * <ul>
 *   <li>{@link dev.dialkit.provider.sanspbx.SansPbxProvider}, built with {@link
 *       dev.dialkit.provider.sanspbx.SansPbxProviderBuilder}: generates and caches the {@code
 *       Apitoken} ({@code gentoken}, refreshed once on 401), places calls through {@code dialcall}
 *       with the tenant's {@code appid}, caller id and Dialkit's callback URL, reads the call id,
 *       disconnects calls ({@code calldisconnect}) and parses the single post-call webhook, whose
 *       {@code disposition} it maps to Dialkit's outcomes.
 *   <li>{@link dev.dialkit.provider.sanspbx.SansPbxNumberFormat} and {@link
 *       dev.dialkit.provider.sanspbx.SansPbxNumberFormats}: how numbers are written, per tenant.
 * </ul>
 *
 * <p>SansPBX signs nothing: Dialkit signs the callback URLs it hands out with its own token ({@code
 * callbackSecret} on the dialer) and checks it before the provider parses a webhook. SansPBX
 * publishes no API documentation; every choice the public integrations disagree on is a builder
 * setting. Everything in {@code dev.dialkit.provider.sanspbx.internal} carries no compatibility
 * promise.
 */
package dev.dialkit.provider.sanspbx;
