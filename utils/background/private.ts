/**
 * Private (incognito) windows. Saywho runs in them when the reader allows it ("spanning" mode: one
 * background for both kinds of window), so its store is the regular one: anything kept from a
 * private tab would outlive the private session. So nothing is: highlights only.
 */

/** What Saywho answers to anything that would keep something from a private window's tab. */
export const PRIVATE_WINDOW_REFUSAL = 'Saywho keeps nothing from private windows.';
