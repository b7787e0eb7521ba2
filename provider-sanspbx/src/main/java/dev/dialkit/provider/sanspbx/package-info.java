/**
 * SansPBX {@code CallProvider}: not implemented yet. It will use the two-step token API ({@code
 * gentoken}, {@code dialcall}) and Dialkit-signed callback URLs, since SansPBX signs nothing.
 */
package dev.dialkit.provider.sanspbx;
