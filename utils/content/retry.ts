/**
 * Waits before asking Saywho's background again when it did not answer (its worker stopped, or
 * starting): the next try wakes it. Used for the store (`ingest-page`) and for extraction
 * (`extract-article`) alike; once they are spent, Saywho waits for the page to change.
 */
export const RETRY_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000, 16_000];
