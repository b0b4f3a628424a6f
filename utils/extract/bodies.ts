/**
 * Organisations and documents as speakers: who wrote a document ("a report by Politico", "the
 * ministry issued a statement", then "the report"), which named body a later "the group" means
 * ("Citizens for Ethics, a liberal watchdog group"), and which administration "the
 * administration" is. The indexes are built once per text.
 */

import { nounClassOf } from '../nlp/noun-classes';
import { tokenWords } from './descriptions';
import {
  authoredBy,
  CAPITAL_STOPWORDS,
  DETERMINERS,
  DOC_HEADS,
  isOtherParticiple,
  LEGAL_FORMS,
  NAME_JOINERS,
  SUBJECT_PRONOUNS,
} from './lexicon';
import { bare, isCapitalised, type NameRegistry, onlySpacesBetween } from './names';
import { describe, isFunctionWord, type NP, npBackward, npForward, npOfSpan } from './np';
import type { SentenceTagger } from './reported-tags';
import { lastOccurrence, namedOrgJustBefore, recentOfKind } from './speaker-history';
import type { BodyIndex, Resolved, ResolveRule, ResolverState } from './speaker-state';
import { trailingSubjectBody } from './subject-body';
import { isLower, nameWords, sentenceStart, stripPossessive, type Token, tokenize } from './text';

/**
 * Indexes the document authors and described bodies of `text`. An appositive of a person adds a
 * role to that person in `names` instead ("Tom Reid, a lawyer for the family,").
 */
export function indexBodies(text: string, names: NameRegistry, tagger: SentenceTagger | null): BodyIndex {
  const toks = tokenize(text, 0, text.length);
  const docAuthors: Array<{ pos: number; np: NP }> = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Token;
    if (t.text !== 'by') continue;
    let doc = false;
    // a participle between the document and "by" must be one of authorship ("released by"), not
    // of reading or obtaining ("a memo seen by Reuters")
    let otherParticiple = false;
    for (let j = i - 1; j >= 0 && j >= i - 8; j--) {
      const tj = toks[j] as Token;
      if (text.slice(tj.end, (toks[j + 1] as Token).start).includes('.')) break;
      if (DOC_HEADS.has(bare(tj.text))) {
        doc = true;
        break;
      }
      if (isOtherParticiple(tj.text)) otherParticiple = true;
    }
    if (!doc || otherParticiple) continue;
    const np = npForward(text, t.end, Math.min(text.length, t.end + 120), false);
    if (np && isCapitalised((np.tokens[np.tokens.length - 1] as Token).text))
      docAuthors.push({ pos: t.start, np });
  }
  indexSenders(text, toks, tagger, docAuthors);
  return { docAuthors, descriptions: indexDescriptions(text, toks, names), administrations: null };
}

/**
 * "the group sent a letter", "the ministry issued a statement": the subject of a finite verb
 * whose object is a new document is its author (read by the verb's tag).
 */
function indexSenders(
  text: string,
  toks: Token[],
  tagger: SentenceTagger | null,
  docAuthors: Array<{ pos: number; np: NP }>,
): void {
  if (!tagger) return;
  for (let i = 2; i < toks.length; i++) {
    const t = toks[i] as Token;
    if (!DOC_HEADS.has(bare(t.text))) continue;
    let d = i - 1;
    while (d > i - 4 && d > 0 && !['a', 'an'].includes((toks[d] as Token).text.toLowerCase())) d--;
    if (!['a', 'an'].includes((toks[d] as Token).text.toLowerCase()) || d < 1) continue;
    const verb = toks[d - 1] as Token;
    const tags = tagger(text, sentenceStart(text, verb.start, Math.max(0, verb.start - 300)), t.end);
    const vt = tags.find((x) => x.start === verb.start);
    if (!vt || (vt.tag !== 'VBD' && vt.tag !== 'VBZ')) continue;
    const subject = npBackward(text, verb.start - 1, Math.max(0, verb.start - 160));
    if (subject && subject.kind !== 'pronoun') docAuthors.push({ pos: t.start, np: subject });
  }
  docAuthors.sort((a, b) => a.pos - b.pos);
}

/** The forms of "be" that join a name to a predicate nominal describing it. */
const COPULAS = new Set(['is', 'was']);

function indexDescriptions(text: string, toks: Token[], names: NameRegistry): BodyIndex['descriptions'] {
  const descriptions: BodyIndex['descriptions'] = [];
  for (let i = 1; i + 2 < toks.length; i++) {
    const t = toks[i] as Token;
    const det = t.text.toLowerCase();
    if (det !== 'a' && det !== 'an' && det !== 'the') continue;
    // "Quickcart, a delivery firm, …" (an appositive) or "Quickcart is the largest delivery firm"
    // (a predicate nominal): either describes the name before it
    const copula = COPULAS.has((toks[i - 1] as Token).text) && i >= 2 ? 1 : 0;
    const prev = toks[i - 1 - copula] as Token;
    const between = text.slice(prev.end, copula ? (toks[i - 1] as Token).start : t.start).trim();
    if (between !== (copula ? '' : ',') || !isCapitalised(prev.text)) continue;
    // the capitalised run before the comma
    let r = i - 1 - copula;
    while (r - 1 >= 0 && onlySpacesBetween(text, (toks[r - 1] as Token).end, (toks[r] as Token).start)) {
      const w = (toks[r - 1] as Token).text;
      if (!isCapitalised(w) && !['for', 'of', 'and', 'the', 'in', 'on', 'at'].includes(w)) break;
      r--;
    }
    while (r < i - 1 - copula && !isCapitalised((toks[r] as Token).text)) r++;
    const nameToks = toks.slice(r, i - copula);
    // the description's head: the last word before a preposition, a comma or the sentence end
    let h = i + 1;
    while (
      h + 1 < toks.length &&
      h < i + 8 &&
      onlySpacesBetween(text, (toks[h] as Token).end, (toks[h + 1] as Token).start) &&
      !isFunctionWord((toks[h + 1] as Token).text) &&
      // a participle with its phrase after the head ("a delivery firm based in Leeds")
      !(
        /ed$/.test((toks[h + 1] as Token).text) &&
        isFunctionWord((toks[h + 2] as Token | undefined)?.text ?? '')
      )
    )
      h++;
    const head = toks[h] as Token;
    if (!isLower(head.text[0] ?? '')) continue;
    const last = bare((nameToks[nameToks.length - 1] as Token).text);
    const person = names.bySurname.get(last);
    const desc = toks
      .slice(i + 1, h + 1)
      .map((x) => bare(x.text))
      .join(' ');
    if (person && person.tokens >= 2) names.addRole(last, desc);
    else if (!person && !SUBJECT_PRONOUNS.has(last))
      descriptions.push({
        pos: t.start,
        head: bare(head.text),
        name: stripPossessive(nameToks.map((x) => x.text).join(' ')),
      });
  }
  return descriptions;
}

/** The body last described by `head` before `pos` ("the group" → "Citizens for Ethics"). */
function describedBody(bodies: BodyIndex, head: string, pos: number): Resolved | null {
  for (let k = bodies.descriptions.length - 1; k >= 0; k--) {
    const d = bodies.descriptions[k] as { pos: number; head: string; name: string };
    if (d.pos >= pos) continue;
    if (pos - d.pos > 4000) break;
    if (d.head === head) return { name: d.name, kind: 'org', key: bare(d.name) };
  }
  return null;
}

/** The author of the document mentioned most recently before `pos`. */
export function recentDocAuthor(s: ResolverState, pos: number): Resolved | null {
  const docAuthors = s.bodies.docAuthors;
  for (let k = docAuthors.length - 1; k >= 0; k--) {
    const d = docAuthors[k] as { pos: number; np: NP };
    if (d.pos < pos) return s.resolve(d.np);
  }
  return null;
}

function isDefinite(np: NP): boolean {
  return np.det === 'the' || np.det === 'this' || np.det === 'that' || np.det === 'poss';
}

/**
 * "a report by Politico", "a statement from the ministry": the document's author, written after
 * it (inside the phrase or right after it).
 */
export const documentAgentRule: ResolveRule = (s, np) => {
  if (np.kind !== 'doc') return undefined;
  const headEnd = (np.tokens[np.head] as Token).end;
  const m = /^ (by|from) /.exec(s.text.slice(headEnd, headEnd + 6)) ?? authoredBy(s.text, headEnd);
  if (!m) return undefined;
  const agentStart = headEnd + m[0].length;
  const agent = npForward(s.text, agentStart, Math.min(s.text.length, agentStart + 120), false);
  const last = agent ? (agent.tokens[agent.tokens.length - 1] as Token) : null;
  // "a statement from the palace", "a letter from the family": a noun WordNet knows first as a
  // group or a person writes too
  const peopleNoun = last !== null && nounClassOf(last.text.toLowerCase()) !== null;
  if (
    agent &&
    last &&
    (isCapitalised(last.text) || agent.kind === 'org' || agent.kind === 'person' || peopleNoun)
  )
    return s.resolve(agent);
  return undefined;
};

/** "the report": the author of the last document, else the publication that spoke last. */
export const definiteDocumentRule: ResolveRule = (s, np) => {
  if (np.kind !== 'doc' || !isDefinite(np) || np.det === 'poss') return undefined;
  // "the IMF report", "the Pentagon study": a name before the document noun is its author
  const mods = np.tokens
    .slice(0, np.head)
    .filter((t) => isCapitalised(t.text) && !CAPITAL_STOPWORDS.has(t.text));
  const first = mods[0];
  const last = mods[mods.length - 1];
  if (first && last && mods.length === np.head - (np.det ? 1 : 0)) {
    const owner = npOfSpan(s.text, first.start, last.end);
    const r = owner ? s.resolve(owner) : null;
    if (r) return r;
  }
  const author = recentDocAuthor(s, np.start);
  if (author) return author;
  const headBare = bare((np.tokens[np.head] as Token).text);
  // "the report" → the publication that reported last ("Politico reported … The report said"), or
  // the same document spoken of before; a body that merely spoke before is no author of it
  const prev = recentOfKind(
    s,
    np.start,
    // an earlier document only when it is the same one ("the report" … "the report"), not
    // another ("the audit" … "the letter")
    (h) => h.resolved.kind === 'pub' || (h.resolved.kind === 'doc' && h.words.includes(headBare)),
  );
  if (prev) return prev;
  return { name: describe(np), kind: 'doc', key: tokenWords(np).join(' ') };
};

/**
 * An organisation: the same body remembered as a speaker before ("the ministry"), the body an
 * appositive described ("the group"), the administration meant, else the phrase itself.
 */
export const organisationRule: ResolveRule = (s, np) => {
  if (np.kind !== 'org') return undefined;
  const headBare = bare((np.tokens[np.head] as Token).text);
  const definite = isDefinite(np);
  // the same body named again, by its head alone or by words of its name ("the ministry", "the
  // foreign ministry" after "the Foreign Ministry"), never another of its kind ("the Interior Ministry")
  const own = tokenWords(np).filter((w) => !DETERMINERS.has(w));
  const prev = definite
    ? recentOfKind(s, np.start, (h) => h.resolved.kind === 'org' && own.every((w) => h.words.includes(w)))
    : null;
  if (prev) return prev;
  const words = tokenWords(np);
  // "The Ministry of Health reported … The ministry said": the body named before with that noun
  // in its name, or a company named with its legal form ("Zentrix Corp. … the company")
  const named =
    np.det === 'the' && words.filter((w) => !DETERMINERS.has(w)).length === 1
      ? namedBodyBefore(s.text, np.start, headBare)
      : null;
  if (named) return { name: named, kind: 'org', key: bare(named) };
  // "the group" after "Citizens for Ethics, a liberal watchdog group"
  const bareDefinite = np.det === 'the' && words.filter((w) => !DETERMINERS.has(w)).length === 1;
  const described = bareDefinite ? describedBody(s.bodies, headBare, np.start) : null;
  if (described) return described;
  // "Krone Logistics will cut 1,200 jobs, the company said": the sentence's subject (subject-body.ts)
  const subject = bareDefinite ? trailingSubjectBody(s.text, np.start, np.end) : null;
  if (subject) return { name: subject, kind: 'org', key: bare(subject) };
  // "The World Health Organization said … The agency added …": a bare definite body noun just
  // after a body named by its name spoke, with no speaker between, is that body (news names a
  // body once and then calls it by its kind)
  const lastOrg = bareDefinite && headBare !== 'administration' ? namedOrgJustBefore(s, np.start) : null;
  if (lastOrg) return lastOrg;
  if (definite && headBare === 'administration' && words.filter((w) => !DETERMINERS.has(w)).length === 1) {
    const administration = administrationAt(s, np.start);
    if (administration) return administration;
  }
  const nm = bodyName(s.text, np.tokens);
  return { name: nm, kind: 'org', key: bare(nm) };
};

/**
 * A body's name: the capitalised name that ends its phrase ("Foreign Ministry" in "the country's
 * Foreign Ministry", "Transit Council" in "a survey released Monday by the Transit Council"), else
 * the phrase without its determiner ("the ministry" → "ministry").
 */
function bodyName(text: string, tokens: readonly Token[]): string {
  let a = tokens.length - 1;
  if (a >= 0 && isCapitalised((tokens[a] as Token).text)) {
    for (let k = a - 1; k >= 0; k--) {
      if (isCapitalised((tokens[k] as Token).text)) {
        a = k;
        continue;
      }
      // joiners continue the name only between capitalised words ("Department of the Treasury")
      let j = k;
      while (j >= 0 && NAME_JOINERS.has((tokens[j] as Token).text)) j--;
      if (j === k || j < 0 || !isCapitalised((tokens[j] as Token).text)) break;
      k = j + 1;
    }
    // an opening determiner is not part of the name ("The Foreign Ministry")
    if (DETERMINERS.has(bare((tokens[a] as Token).text))) a++;
    return nameWords(text, tokens.slice(a));
  }
  return tokens
    .filter((t, i) => !(i === 0 && DETERMINERS.has(bare(t.text))))
    .map((t) => t.text)
    .join(' ');
}

/** Heads that a company's legal form ("Corp.", "Ltd") names. */
const COMPANY_HEADS = new Set(['company', 'firm', 'corporation']);

/**
 * The last capitalised name before `pos` (within 1,500 characters) that holds the head noun
 * ("Ministry of Health" for "the ministry") or, for a company noun, ends with a legal form.
 */
function namedBodyBefore(text: string, pos: number, head: string): string | null {
  const toks = tokenize(text, Math.max(0, pos - 1500), pos);
  for (let i = toks.length - 1; i >= 0; i--) {
    const t = toks[i] as Token;
    if (!isCapitalised(t.text) || CAPITAL_STOPWORDS.has(t.text)) continue;
    const w = t.text.replace(/\.$/, '');
    if (bare(w) !== head && !(COMPANY_HEADS.has(head) && LEGAL_FORMS.has(w))) continue;
    // the whole capitalised run around it, with inner "of"
    let a = i;
    let b = i;
    const joined = (x: Token, y: Token) => onlySpacesBetween(text, x.end, y.start);
    const inRun = (k: number) => {
      const x = toks[k];
      return (
        x !== undefined &&
        (isCapitalised(x.text) || (x.text === 'of' && isCapitalised(toks[k + 1]?.text ?? '')))
      );
    };
    while (
      a > 0 &&
      inRun(a - 1) &&
      !CAPITAL_STOPWORDS.has((toks[a - 1] as Token).text) &&
      joined(toks[a - 1] as Token, toks[a] as Token)
    )
      a--;
    while (b + 1 < toks.length && inRun(b + 1) && joined(toks[b] as Token, toks[b + 1] as Token)) b++;
    if (b === a) return null; // a capitalised common noun opening a sentence ("Ministry officials")
    return text.slice((toks[a] as Token).start, (toks[b] as Token).end);
  }
  return null;
}

/**
 * A bare "the administration" with none named before as a speaker: the "X administration" the
 * article named last, or, in news English, the administration of the president the article
 * names ("Trump administration").
 */
function administrationAt(s: ResolverState, pos: number): Resolved | null {
  const named = namedAdministration(s, pos);
  if (named) return { name: named, kind: 'org', key: bare(named) };
  const president = recentPresident(s, pos);
  if (president) {
    const nm = `${president} administration`;
    return { name: nm, kind: 'org', key: bare(nm) };
  }
  return null;
}

/**
 * "Harmon administration": the last administration named by a capitalised word before `pos`
 * (not after "a": "a Republican administration" names none).
 */
function namedAdministration(s: ResolverState, pos: number): string | null {
  if (!s.bodies.administrations) {
    s.bodies.administrations = [];
    for (const m of s.text.matchAll(/(\p{Lu}[\p{Ll}’'-]{1,30}) administration\b/gu)) {
      const word = m[1] ?? '';
      if (DETERMINERS.has(bare(word)) || CAPITAL_STOPWORDS.has(word)) continue;
      // "a Republican administration" is any administration, not one the article names
      if (/\ban?\s+$/i.test(s.text.slice(Math.max(0, m.index - 4), m.index))) continue;
      s.bodies.administrations.push({ pos: m.index, name: `${stripPossessive(word)} administration` });
    }
  }
  let found: string | null = null;
  for (const a of s.bodies.administrations) {
    if (a.pos >= pos) break;
    found = a.name;
  }
  return found;
}

/**
 * The surname of the president mentioned last before `pos` (or first after it): a person whose
 * titles include "president" but not "vice president".
 */
function recentPresident(s: ResolverState, pos: number): string | null {
  let best: string | null = null;
  let bestPos = -Infinity;
  for (const [surname, info] of s.names.bySurname) {
    const president = [...info.roles].some((r) => /(^| )president$/.test(r) && !/\bvice\b/.test(r));
    if (!president) continue;
    const p = lastOccurrence(s.names, surname, pos);
    const at = p >= 0 ? p : -1e9;
    if (at > bestPos) {
      bestPos = at;
      best = info.name.split(' ').at(-1) ?? null;
    }
  }
  return best;
}
