/**
 * A reported clause its speaker denies ("Qatar denied that it had been warned" → "it had been
 * warned", cue "denied"): the speaker says the clause is false, so it meets a statement that
 * asserts the clause as a possible conflict, never as the same claim or words printed again.
 */
import { tabledCueLemma } from '../extract/cues';
import type { StatementKind } from '../extract/types';

/** The verb of denial (Levin 1993, class 29.5's "deny"; Quirk et al. 1985 §16.31) as the cue writes it. */
const DENY = 'deny';

/**
 * The word of the cue that denies the statement's clause ("denied", "has denied" → "denied"), or
 * undefined. Only reported speech: a quotation introduced by "denied" is the speaker's own words,
 * which the speaker asserts.
 */
export function denialVerb(kind: StatementKind, cue: string | null | undefined): string | undefined {
  if (kind !== 'indirect' || !cue) return undefined;
  return cue.split(/\s+/).find((w) => tabledCueLemma(w) === DENY);
}
