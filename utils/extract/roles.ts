/**
 * Role nouns: a definite role ("the Prime Minister", "the Albanian leader", "the source close to
 * the team") linked to the anonymous source described before with the same head, or to the person
 * the registry knows by that role, or to the last leader or person named.
 */

import { npWords, tokenWords } from './descriptions';
import { ANON_HEADS, DETERMINERS, ROLE_NOUNS, TITLES } from './lexicon';
import { bare, isCapitalised, type NameInfo } from './names';
import { describe, type NP } from './np';
import { lastOccurrence, recentOfKind } from './speaker-history';
import { isPluralNP } from './speaker-like';
import type { Resolved, ResolveRule, ResolverState } from './speaker-state';
import type { Token } from './text';

const LEADER_NOUNS = new Set(['leader', 'president', 'premier', 'chancellor', 'head', 'chief']);
const LEADER_TITLES = ['president', 'prime minister', 'premier', 'chancellor', 'king', 'emir', 'leader'];

const STOP_IN_DESC = new Set([
  'to',
  'with',
  'of',
  'on',
  'in',
  'the',
  'a',
  'an',
  'and',
  'about',
  'for',
  'both',
]);

function roleAdjMatch(content: string[], role: string): boolean {
  // all content words of the mention appear in the role phrase
  return content.every((w) => role.split(' ').includes(w));
}

/**
 * "The President said", "the Chancellor": a capitalised title or role after "the" that is no one's
 * name, read as a role: the person known by it, else the role itself ("the Prime Minister", never
 * "Minister" as if it were a name).
 */
export const titledRoleRule: ResolveRule = (s, np) => {
  const head = np.tokens[np.head] as Token;
  const headBare = bare(head.text);
  if (
    np.kind === 'person' &&
    isCapitalised(head.text) &&
    !s.names.lookup(head.text) &&
    np.det === 'the' &&
    (TITLES.has(headBare) || ROLE_NOUNS.has(headBare))
  )
    return (
      resolveRole(s, np, tokenWords(np), headBare) ?? {
        name: describe(np),
        kind: 'anon',
        key: tokenWords(np).join(' '),
      }
    );
  return undefined;
};

/** Role noun: "the Prime Minister", "the source", "the Albanian leader", "the U.S. official". */
export const definiteRoleRule: ResolveRule = (s, np) => {
  if (np.det !== 'the' && np.det !== 'this' && np.det !== 'that') return undefined;
  // a body speaks for itself: "the Palestinian Authority" is not the person whose title names it
  // ("Palestinian Authority President …"); organisationRule resolves it
  if (np.kind === 'org') return undefined;
  const headBare = bare((np.tokens[np.head] as Token).text);
  return resolveRole(s, np, tokenWords(np), headBare) ?? undefined;
};

/** The speaker a definite role noun stands for; null when there is none. */
export function resolveRole(s: ResolverState, np: NP, words: string[], headBare: string): Resolved | null {
  const content = words.filter((w) => !DETERMINERS.has(w));
  const roleStr = content.join(' ');
  // anonymous source mentioned before with the same head ("the source", "the U.S. official",
  // "the source close to Trump’s national security team")
  if (ANON_HEADS.has(headBare) || ANON_HEADS.has(headBare.replace(/s$/, ''))) {
    const anon = recentAnonSource(s, np, headBare);
    if (anon !== undefined) return anon;
  }
  // person with that role among the registry (most recent mention wins)
  const best = mostRecentPerson(s, np.start, (info) => {
    for (const r of info.roles) {
      if (
        r === roleStr ||
        r.endsWith(` ${roleStr}`) ||
        r.includes(roleStr) ||
        (content.length >= 1 && r.endsWith(headBare) && roleAdjMatch(content, r))
      )
        return true;
    }
    return false;
  });
  if (best) return best;
  // leader-type nouns: the most recent person with any leadership title
  if (LEADER_NOUNS.has(headBare)) {
    const leader = mostRecentPerson(s, np.start, (info) => {
      for (const r of info.roles) if (LEADER_TITLES.some((lt) => r.includes(lt))) return true;
      return false;
    });
    if (leader) return leader;
  }
  // the author / the writer: the most recent person
  if (headBare === 'author' || headBare === 'writer') return s.contextPerson(np.start);
  return null;
}

/**
 * The anonymous source remembered before with the same head and the same modifiers ("the U.S.
 * official" after "a senior U.S. official"), or any source for "the source". Null when a
 * modified role has none (it is then no one in the registry either); undefined to look further.
 */
function recentAnonSource(s: ResolverState, np: NP, headBare: string): Resolved | null | undefined {
  const all = npWords(s.text, np).filter((w) => !DETERMINERS.has(w) && !STOP_IN_DESC.has(w));
  const headIdx = all.indexOf(headBare);
  const mods = headIdx >= 0 ? all.slice(0, headIdx) : all.filter((w) => w !== headBare);
  const post = headIdx >= 0 ? all.slice(headIdx + 1) : [];
  const singular = !isPluralNP(np);
  const anon = recentOfKind(s, np.start, (h) => {
    if (h.resolved.kind !== 'anon') return false;
    const hw = h.words;
    const sameHead = hw.some((w) => w === headBare || w === `${headBare}s` || `${w}s` === headBare);
    const genericSource = headBare === 'source' || headBare === 'sources';
    if (!sameHead && !genericSource) return false;
    // (number agrees: "the official" is one person, never "officials" named before)
    if (singular && h.plural) return false;
    if (!mods.every((m) => hw.includes(m))) return false;
    if (post.length > 0) {
      let inter = 0;
      for (const w of post) if (hw.includes(w)) inter++;
      if (inter / post.length < 0.5) return false;
    }
    return true;
  });
  if (anon) return anon;
  if (post.length > 0 || mods.length > 0) return null;
  return undefined;
}

/** The registered person fitting `fits` who was named last before `pos` (never-named ones do not count). */
function mostRecentPerson(s: ResolverState, pos: number, fits: (info: NameInfo) => boolean): Resolved | null {
  let best: Resolved | null = null;
  let bestPos = -1;
  for (const [surname, info] of s.names.bySurname) {
    if (!fits(info)) continue;
    const p = lastOccurrence(s.names, surname, pos);
    if (p > bestPos) {
      bestPos = p;
      best = { name: info.name, kind: 'person', key: surname };
    }
  }
  return best;
}
