import { lemmatize } from '../nlp/lemma';
import { nounClass } from '../nlp/noun-classes';
import { ANON_HEADS, DETERMINERS, DOC_HEADS, ORG_HEADS, ROLE_NOUNS } from './lexicon';
import { isCapitalised } from './names';
import { isFunctionWord, type NP } from './np';
import { key, type Token } from './text';

export function isPluralNP(np: NP): boolean {
  const h = np.tokens[np.head];
  if (!h) return false;
  const b = key(h.text);
  return (
    b === 'they' ||
    b === 'we' ||
    b === 'i' ||
    b === 'you' ||
    (b.endsWith('s') && !isCapitalised(h.text)) ||
    // "Police", "people": not a capitalised word inside a name ("Capitol Police")
    ((np.tokens.length === 1 || !isCapitalised(h.text)) && pluralNoun(b))
  );
}

/**
 * A plural noun that does not end in -s: an irregular plural ("people", "children", WordNet's
 * lemma differs) or a collective noun WordNet knows as a group ("police", "staff"), which takes
 * a plural verb in news English ("Police say …").
 */
export function pluralNoun(w: string): boolean {
  if (!/^\p{Ll}+$/u.test(w)) return false;
  const lemma = lemmatize(w, 'NNS');
  return (lemma !== w && nounClass(lemma) !== null) || nounClass(w) === 'group';
}

export function isDeterminerOnly(np: NP): boolean {
  return np.tokens.length === 1 && DETERMINERS.has((np.tokens[0] as Token).text.toLowerCase());
}

/** Is this NP a plausible speaker (not a bare document head like "Reports")? */
export function plausibleSpeaker(np: NP | null): boolean {
  if (!np) return false;
  const h = np.tokens[np.head];
  if (!h) return false;
  const b = key(h.text);
  if ((DOC_HEADS.has(b) || DOC_HEADS.has(b.replace(/s$/, ''))) && np.det === '') return false;
  return true;
}

/** Speaker-like subjects only: people, pronouns, anonymous human sources, organisations, documents. */
export function speakerLike(np: NP | null, strict = false): boolean {
  if (!np || !plausibleSpeaker(np)) return false;
  const h = np.tokens[np.head];
  if (!h) return false;
  const b = key(h.text);
  if (np.kind === 'pronoun')
    return (
      b === 'he' ||
      b === 'she' ||
      b === 'they' ||
      b === 'it' ||
      b === 'his' ||
      b === 'her' ||
      b === 'its' ||
      b === 'their'
    );
  if (isCapitalised(h.text)) {
    // not a sentence-initial adverb etc. (an all-caps acronym such as "US" is a name)
    return h.text.length > 1 && h.text === h.text.toUpperCase() ? true : !isFunctionWord(h.text);
  }
  const sing = b.endsWith('s') ? b.slice(0, -1) : b;
  if (ANON_HEADS.has(b) || ANON_HEADS.has(sing) || ROLE_NOUNS.has(b) || ROLE_NOUNS.has(sing)) return true;
  // "police said", "authorities say": a bare organisation word speaks too, except as the subject
  // of a reported clause in the word-pattern pass (`strict`)
  if (ORG_HEADS.has(b) || ORG_HEADS.has(sing)) return np.det !== '' || np.tokens.length > 1 || !strict;
  if (DOC_HEADS.has(b) || DOC_HEADS.has(sing))
    return np.det === 'the' || np.det === 'this' || np.det === 'its' || np.det === 'poss' || np.det === 'a';
  // any other noun phrase in a speaker's place ("the utility said", "“…,” the drivers chanted"):
  // determined or plural, as a subject of saying is; a bare singular is more likely a word of
  // the sentence than a speaker. `strict`: the word-pattern pass's subjects of a reported
  // clause, where a thing can be the subject ("The figures suggest …")
  return !strict && (np.det !== '' || b.endsWith('s'));
}
