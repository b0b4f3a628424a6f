import { normalizeText } from './normalize';

/**
 * Identity of a speaker across pages.
 *
 * A named person or organisation gets a key from their canonical name, so the same name on two
 * sites is one speaker. An anonymous source ("a senior official", "sources familiar with…") is
 * never merged across pages: its key carries the page it came from.
 */

export type SpeakerType = 'person' | 'anonymous';

const ANONYMOUS_HEADS = new Set([
  'official',
  'officials',
  'source',
  'sources',
  'person',
  'people',
  'aide',
  'aides',
  'diplomat',
  'diplomats',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'insider',
  'insiders',
  'adviser',
  'advisers',
  'advisor',
  'advisors',
  'member',
  'members',
]);

const INDEFINITE = new Set(['a', 'an', 'one', 'two', 'three', 'four', 'several', 'some', 'many', 'unnamed']);

/** An anonymous source is described, not named: "a senior Israeli official", "sources familiar with the matter". */
export function speakerType(name: string): SpeakerType {
  const ws = normalizeText(name).split(' ');
  const first = ws[0] ?? '';
  if (INDEFINITE.has(first)) return 'anonymous';
  if (ws.some((w) => w === 'unnamed' || w === 'anonymous')) return 'anonymous';
  if (first === 'sources' || first === 'officials') return 'anonymous';
  // "U.S. officials", "Israeli officials": a plural head with no proper name.
  const last = ws[ws.length - 1] ?? '';
  if (
    ANONYMOUS_HEADS.has(last) &&
    /^[a-z]/.test(name.trim()) === false &&
    ws.length <= 3 &&
    last.endsWith('s')
  ) {
    return 'anonymous';
  }
  return 'person';
}

/** The key under which a speaker is stored; `pageKey` separates anonymous sources of different pages. */
export function speakerKey(name: string, pageKey: string): string {
  const normal = normalizeText(name);
  return speakerType(name) === 'anonymous' ? `anon:${pageKey}:${normal}` : `name:${normal}`;
}
