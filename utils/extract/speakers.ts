import {
  ANON_HEADS,
  CAPITAL_STOPWORDS,
  DEMONYMS,
  DETERMINERS,
  DOC_HEADS,
  FEMALE_ROLES,
  MALE_ROLES,
  NAME_PARTICLES,
  ROLE_NOUNS,
  SUBJECT_PRONOUNS,
  TITLES,
} from './lexicon';
import {
  affiliationAt,
  bare,
  type EntityKind,
  givenNameStart,
  isCapitalised,
  type NameOccurrence,
  type NameRegistry,
  onlySpacesBetween,
  PREPOSITIONS,
} from './names';
import {
  coordination,
  describe,
  isFunctionWord,
  isInnerConnector,
  isQuoteChar,
  type NP,
  npBackward,
  npForward,
  npOfSpan,
} from './np';
import type { SentenceTagger } from './reported';
import { isLower, isSpace, sentenceEnd, sentenceStart, stripPossessive, type Token, tokenize } from './text';

export * from './names';
export * from './np';

export interface Resolved {
  name: string;
  kind: EntityKind;
  /** Surname key for persons (used for salience), or the lower-cased description. */
  key: string;
}

export interface SpeakerHistoryItem {
  pos: number;
  /** The description is plural ("officials", "sources", "a … and a …"). */
  plural?: boolean;
  resolved: Resolved;
  /** Lower-cased words of the mention / description (for role-noun matching). */
  words: string[];
}

function joinNames(names: string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export class Resolver {
  readonly history: SpeakerHistoryItem[] = [];

  /** "a report … by Politico": positions of "by X" after a document noun, with X. */
  private readonly docAuthors: Array<{ pos: number; np: NP }> = [];

  constructor(
    readonly text: string,
    readonly names: NameRegistry,
    private readonly insideQuote: (pos: number) => boolean = () => false,
    /** Reads whether a subject is plural (NNS, NNPS); without it, a head ending in -s is. */
    private readonly tagger: SentenceTagger | null = null,
  ) {
    const toks = tokenize(text, 0, text.length);
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i] as Token;
      if (t.text !== 'by') continue;
      let doc = false;
      for (let j = i - 1; j >= 0 && j >= i - 8; j--) {
        const tj = toks[j] as Token;
        if (text.slice(tj.end, (toks[j + 1] as Token).start).includes('.')) break;
        if (DOC_HEADS.has(bare(tj.text))) doc = true;
      }
      if (!doc) continue;
      const np = npForward(text, t.end, Math.min(text.length, t.end + 120), false);
      if (np && isCapitalised((np.tokens[np.tokens.length - 1] as Token).text))
        this.docAuthors.push({ pos: t.start, np });
    }
    this.indexSenders(toks);
    this.indexDescriptions(toks);
  }

  /**
   * "the group sent a letter", "the ministry issued a statement": the subject of a finite verb
   * whose object is a new document is its author (read by the verb's tag).
   */
  private indexSenders(toks: Token[]): void {
    if (!this.tagger) return;
    const text = this.text;
    for (let i = 2; i < toks.length; i++) {
      const t = toks[i] as Token;
      if (!DOC_HEADS.has(bare(t.text))) continue;
      let d = i - 1;
      while (d > i - 4 && d > 0 && !['a', 'an'].includes((toks[d] as Token).text.toLowerCase())) d--;
      if (!['a', 'an'].includes((toks[d] as Token).text.toLowerCase()) || d < 1) continue;
      const verb = toks[d - 1] as Token;
      const tags = this.tagger(text, sentenceStart(text, verb.start, Math.max(0, verb.start - 300)), t.end);
      const vt = tags.find((x) => x.start === verb.start);
      if (!vt || (vt.tag !== 'VBD' && vt.tag !== 'VBZ')) continue;
      const subject = npBackward(text, verb.start - 1, Math.max(0, verb.start - 160));
      if (subject && subject.kind !== 'pronoun') this.docAuthors.push({ pos: t.start, np: subject });
    }
    this.docAuthors.sort((a, b) => a.pos - b.pos);
  }

  /**
   * Named bodies by the common nouns that describe them, for a later "the group", "the ministry":
   * an appositive ("Citizens for Ethics, a liberal watchdog group,") and the organisation word
   * inside a name ("the Ministry of Health", "the Standing Rock Sioux tribe"). An appositive of a
   * person adds a role to that person instead ("Tom Reid, a lawyer for the family,").
   */
  private readonly descriptions: Array<{ pos: number; head: string; name: string }> = [];

  private indexDescriptions(toks: Token[]): void {
    const text = this.text;
    for (let i = 1; i + 2 < toks.length; i++) {
      const t = toks[i] as Token;
      const det = t.text.toLowerCase();
      if (det !== 'a' && det !== 'an' && det !== 'the') continue;
      const prev = toks[i - 1] as Token;
      if (text.slice(prev.end, t.start).trim() !== ',' || !isCapitalised(prev.text)) continue;
      // the capitalised run before the comma
      let r = i - 1;
      while (r - 1 >= 0 && onlySpacesBetween(text, (toks[r - 1] as Token).end, (toks[r] as Token).start)) {
        const w = (toks[r - 1] as Token).text;
        if (!isCapitalised(w) && !['for', 'of', 'and', 'the', 'in', 'on', 'at'].includes(w)) break;
        r--;
      }
      while (r < i - 1 && !isCapitalised((toks[r] as Token).text)) r++;
      const nameToks = toks.slice(r, i);
      // the description's head: the last word before a preposition, a comma or the sentence end
      let h = i + 1;
      while (
        h + 1 < toks.length &&
        h < i + 8 &&
        onlySpacesBetween(text, (toks[h] as Token).end, (toks[h + 1] as Token).start) &&
        !isFunctionWord((toks[h + 1] as Token).text)
      )
        h++;
      const head = toks[h] as Token;
      if (!isLower(head.text[0] ?? '')) continue;
      const last = bare((nameToks[nameToks.length - 1] as Token).text);
      const person = this.names.bySurname.get(last);
      const desc = toks
        .slice(i + 1, h + 1)
        .map((x) => bare(x.text))
        .join(' ');
      if (person && person.tokens >= 2) this.names.addRole(last, desc);
      else if (!person && !SUBJECT_PRONOUNS.has(last))
        this.descriptions.push({
          pos: t.start,
          head: bare(head.text),
          name: stripPossessive(nameToks.map((x) => x.text).join(' ')),
        });
    }
  }

  /** The body last described by `head` before `pos` ("the group" → "Citizens for Ethics"). */
  private describedBody(head: string, pos: number): Resolved | null {
    for (let k = this.descriptions.length - 1; k >= 0; k--) {
      const d = this.descriptions[k] as { pos: number; head: string; name: string };
      if (d.pos >= pos) continue;
      if (pos - d.pos > 4000) break;
      if (d.head === head) return { name: d.name, kind: 'org', key: bare(d.name) };
    }
    return null;
  }

  /** The author of the document mentioned most recently before `pos`. */
  private recentDocAuthor(pos: number): Resolved | null {
    for (let k = this.docAuthors.length - 1; k >= 0; k--) {
      const d = this.docAuthors[k] as { pos: number; np: NP };
      if (d.pos < pos) return this.resolve(d.np);
    }
    return null;
  }

  /** Records a resolved speaker at `pos` (for later pronoun and role-noun resolution). */
  remember(pos: number, resolved: Resolved, words: string[]): void {
    this.history.push({ pos, resolved, words });
  }

  /**
   * Records the speaker named by `np`. A joint description ("a person close to X and a U.S.
   * official familiar with Y") is remembered as a whole and as its parts, the first-named part
   * last so that a later "the source" picks the first-named source.
   */
  rememberNP(np: NP | null, resolved: Resolved, pos: number): void {
    if (!np) {
      this.history.push({ pos, resolved, words: [] });
      return;
    }
    const words = npWords(this.text, np);
    const headW = words[words.length - 1] ?? '';
    // a plural head noun ("residents"), not a name that ends in -s ("Hicks")
    const nameLast = resolved.name.split(' ').pop() ?? '';
    const plural =
      (headW.endsWith('s') && !isCapitalised(nameLast)) ||
      words.includes('and') ||
      ((headW === 'they' || headW === 'their') && resolved.kind !== 'person');
    this.history.push({ pos, resolved, words, plural });
    if (resolved.kind !== 'anon') return;
    const parts = splitConjuncts(this.text, np);
    for (let i = parts.length - 1; i >= 0 && parts.length > 1; i--) {
      const part = parts[i] as NP;
      const pw = npWords(this.text, part);
      this.history.push({
        pos,
        resolved: { name: describe(part), kind: 'anon', key: pw.join(' ') },
        words: pw,
        plural: false,
      });
    }
  }

  /**
   * Antecedent of he/she at `pos`: a definite role noun earlier in the same sentence ("the
   * Israeli leader … his"), else the nearest sentence that names a person: the last speaker if
   * named there, otherwise its first subject-like mention (not a possessor, not after a
   * preposition).
   */
  /** The person a quotation with no attribution at `pos` most likely belongs to (salience, either sex). */
  contextPerson(pos: number): Resolved | null {
    return this.recentPerson(pos, null);
  }

  private recentPerson(pos: number, female: boolean | null, possessive = false): Resolved | null {
    const occ = this.names.occurrences;
    let lo = 0;
    let hi = occ.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((occ[mid] as NameOccurrence).start < pos) lo = mid + 1;
      else hi = mid;
    }
    const lastSpeaker = this.lastPersonSpeaker(pos);
    const ok = (o: NameOccurrence): boolean => {
      const info = this.names.bySurname.get(o.surname);
      if (!info || o.modifier) return false;
      return female === null || info.female === null || info.female === female;
    };
    let k = lo - 1;
    while (k >= 0 && !ok(occ[k] as NameOccurrence)) k--;
    const nearest = occ[k];
    const ownStart = sentenceStart(this.text, pos, Math.max(0, pos - 600));
    if (!nearest || nearest.start < ownStart) {
      const role = this.roleInSpan(ownStart, pos);
      if (role) return role;
    }
    // "The first lady spoke in Ohio. “…,” she said.": a role-noun subject named after every
    // person and after the last speaker is the antecedent
    const roleSubject = this.roleSubjectBefore(ownStart, female);
    if (
      roleSubject &&
      (!nearest || nearest.start < roleSubject.pos) &&
      this.lastPersonSpeakerPos(pos) < roleSubject.pos
    )
      return roleSubject.resolved;
    if (!nearest || pos - nearest.start > 3000) return lastSpeaker;
    // Salience: the pronoun's antecedent is the subject of the nearest sentence that has a fitting
    // person as subject; sentences naming people only as objects or possessors (a caption's
    // "killed at …", "Yoon’s approval rating") are passed over, back to the last speaker.
    const lastSpeakerPos = lastSpeaker ? this.lastOccurrence(lastSpeaker.key, pos) : -1;
    let fallback: NameOccurrence | null = null;
    let q = k;
    for (let sentences = 0; q >= 0 && sentences < 4; sentences++) {
      const first = occ[q] as NameOccurrence;
      if (pos - first.start > 3000) break;
      const ss = sentenceStart(this.text, first.start, Math.max(0, first.start - 600));
      const inSentence: NameOccurrence[] = [];
      for (; q >= 0; q--) {
        const o = occ[q] as NameOccurrence;
        if (o.start < ss) break;
        if (ok(o)) inSentence.unshift(o);
      }
      fallback ??= inSentence[0] ?? null;
      // a possessive pronoun may take a possessor of its own sentence ("Ana Ruiz’s stance on
      // taxes and her vow that …"); other sentences count only their subjects
      const own =
        possessive &&
        ss <= pos &&
        pos - ss < 600 &&
        sentenceStart(this.text, pos, Math.max(0, pos - 600)) === ss;
      const subjects = inSentence.filter((o) => (!o.possessive || own) && !o.object);
      if (lastSpeaker && inSentence.some((o) => o.surname === lastSpeaker.key)) {
        if (subjects.length === 0 || subjects.some((o) => o.surname === lastSpeaker.key)) return lastSpeaker;
      }
      const pick = subjects[0];
      if (pick) {
        const info = this.names.bySurname.get(pick.surname);
        if (info) return { name: info.name, kind: 'person', key: pick.surname };
      }
      if (lastSpeaker && lastSpeakerPos >= ss) return lastSpeaker;
      while (q >= 0 && !ok(occ[q] as NameOccurrence)) q--;
    }
    if (lastSpeaker) return lastSpeaker;
    const pick = fallback ?? nearest;
    const info = this.names.bySurname.get(pick.surname);
    return info ? { name: info.name, kind: 'person', key: pick.surname } : null;
  }

  /** A definite role-noun phrase ("the Israeli leader") in [from, to) that resolves to a person. */
  /**
   * The person named as the subject of the nearest sentence in [from, to) that names one: its
   * first name occurrence, when that is not an object, a possessor or a modifier. For a quotation
   * without attribution in a paragraph about someone. Null when there is none.
   */
  subjectPersonIn(from: number, to: number): Resolved | null {
    // the occurrences in [from, to), found by binary search (they are in text order)
    const all = this.names.occurrences;
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((all[mid] as NameOccurrence).start < from) lo = mid + 1;
      else hi = mid;
    }
    const occ: NameOccurrence[] = [];
    for (let k = lo; k < all.length && (all[k] as NameOccurrence).start < to; k++) {
      const o = all[k] as NameOccurrence;
      if (o.end <= to && !this.insideQuote(o.start)) occ.push(o);
    }
    const sentences = new Map<number, NameOccurrence>();
    for (const o of occ) {
      const ss = sentenceStart(this.text, o.start, Math.max(from, o.start - 600));
      if (!sentences.has(ss)) sentences.set(ss, o);
    }
    const pick = [...sentences.entries()].sort((a, b) => b[0] - a[0])[0]?.[1];
    if (!pick || pick.possessive || pick.object || pick.modifier) return null;
    const info = this.names.bySurname.get(pick.surname);
    return info ? { name: info.name, kind: 'person', key: pick.surname } : null;
  }

  private lastPersonSpeakerPos(pos: number): number {
    for (let k = this.history.length - 1; k >= 0; k--) {
      const h = this.history[k] as SpeakerHistoryItem;
      if (h.pos > pos) continue;
      if (pos - h.pos > 4000) return -1; // bounded, as in lastPersonSpeaker
      if (h.resolved.kind === 'person') return h.pos;
    }
    return -1;
  }

  /**
   * The subject of the sentence before `ownStart` when it is a definite singular role noun of a
   * fitting gender ("The first lady", "the county's chief medic"), resolved to the person with
   * that role when there is one, else kept as the description.
   */
  private roleSubjectBefore(
    ownStart: number,
    female: boolean | null,
  ): { pos: number; resolved: Resolved } | null {
    let e = ownStart - 1;
    while (e > 0 && isSpace(this.text[e])) e--;
    if (e <= 0) return null;
    const ss = sentenceStart(this.text, e, Math.max(0, e - 600));
    if (this.insideQuote(ss) || isQuoteChar(this.text[ss])) return null;
    const np = npForward(this.text, ss, ownStart, false);
    if (!np || np.start !== ss || np.det !== 'the' || np.tokens.length < 2) return null;
    const words = np.tokens.map((x) => bare(x.text));
    const head = words[np.head] ?? '';
    if (np.kind !== 'person' && np.kind !== 'anon') return null;
    const human = ROLE_NOUNS.has(head) || TITLES.has(head) || FEMALE_ROLES.has(head) || MALE_ROLES.has(head);
    if (/[^s]s$/.test(head) || !human) return null; // plural ("duchess" is not)
    if (female !== null) {
      if (words.some((w) => (female ? MALE_ROLES : FEMALE_ROLES).has(w))) return null;
    }
    const resolved = this.resolveRole(np, words, head) ?? {
      name: describe(np),
      kind: 'anon',
      key: words.join(' '),
    };
    return { pos: ss, resolved };
  }

  private roleInSpan(from: number, to: number): Resolved | null {
    const toks = tokenize(this.text, from, to);
    for (let i = toks.length - 1; i >= 0; i--) {
      const t = toks[i] as Token;
      if (t.text.toLowerCase() !== 'the' || this.insideQuote(t.start)) continue;
      const np = npForward(this.text, t.start, to, false);
      if (!np || np.tokens.length < 2) continue;
      const head = bare((np.tokens[np.tokens.length - 1] as Token).text);
      if (!ROLE_NOUNS.has(head) && !TITLES.has(head)) continue;
      const r = this.resolveRole(
        np,
        np.tokens.map((x) => bare(x.text)),
        head,
      );
      if (r && r.kind === 'person') return r;
    }
    return null;
  }

  private lastPersonSpeaker(pos: number): Resolved | null {
    for (let k = this.history.length - 1; k >= 0; k--) {
      const h = this.history[k] as SpeakerHistoryItem;
      if (h.pos > pos) continue;
      if (pos - h.pos > 4000) return null;
      if (h.resolved.kind === 'person') return h.resolved;
    }
    return null;
  }

  /**
   * Antecedent of "they"/"their": the nearest plural subject — a plural noun phrase ("Residents",
   * "the researchers") or coordinated names — that opens one of the three sentences before the
   * pronoun's, or a plural speaker remembered since (", residents said"), whichever is nearer.
   * Null when there is none; a collective body ("the union … they") is the caller's fallback.
   */
  private recentGroup(pos: number): Resolved | null {
    // the nearest speaker that "they" can stand for: a plural one, or a body (then the caller's)
    let remembered: SpeakerHistoryItem | null = null;
    let body = -1;
    for (let k = this.history.length - 1; k >= 0; k--) {
      const h = this.history[k] as SpeakerHistoryItem;
      if (h.pos >= pos) continue;
      if (pos - h.pos > 1500) break;
      if (h.plural) {
        remembered = h;
        break;
      }
      if (h.resolved.kind === 'org' || h.resolved.kind === 'pub') {
        body = h.pos;
        break;
      }
    }
    // the pronoun's own sentence first ("Officials went to the station, where they claimed …")
    const own = sentenceStart(this.text, pos, Math.max(0, pos - 600));
    const ownSubject = own < pos ? this.groupSubjectAt(own, pos) : null;
    if (ownSubject && (!remembered || remembered.pos < own) && body < own) {
      const r = this.resolve(ownSubject);
      if (r) return r;
    }
    let end = own;
    for (let n = 0; n < 3 && end > 0 && pos - end < 1500; n++) {
      const ss = sentenceStart(this.text, end - 1, Math.max(0, end - 600));
      if ((remembered && remembered.pos >= ss) || body >= ss) break;
      const np = this.groupSubjectAt(ss, end);
      const r = np ? this.resolve(np) : null;
      if (r) return r;
      end = ss;
    }
    return remembered?.resolved ?? null;
  }

  /**
   * The subject opening the sentence [ss, end) when "they" can stand for it: plural ("Residents",
   * "Ana Ruiz and Li Wei") or a body ("The company said …").
   */
  /** A plural common noun phrase at `from` read by its tags ("church officials met …"). */
  private taggedPlural(from: number, end: number): NP | null {
    if (!this.tagger) return null;
    const tags = this.tagger(this.text, from, end);
    let j = 0;
    if (tags[0]?.tag === 'DT' || tags[0]?.tag === 'PRP$') j++;
    while (j < tags.length && /^(JJ|CD|NN|NNP|VBN)$/.test((tags[j] as { tag: string }).tag)) j++;
    const head = tags[j];
    if (head?.tag !== 'NNS' || head.start < from) return null;
    return npOfSpan(this.text, from, head.end);
  }

  private groupSubjectAt(sentence: number, end: number): NP | null {
    let ss = sentence;
    const c = this.text[ss];
    if (this.insideQuote(ss) || isQuoteChar(c)) return null;
    // past a fronted phrase of time or place ("On September 29, officials …")
    const first = tokenize(this.text, ss, Math.min(end, ss + 80));
    const lead = first[0]?.text.toLowerCase() ?? '';
    if (PREPOSITIONS.has(lead) || lead === 'in' || lead === 'after' || lead === 'on') {
      const comma = this.text.indexOf(',', ss);
      if (comma > ss && comma < Math.min(end, ss + 80)) {
        ss = comma + 1;
        while (ss < end && isSpace(this.text[ss])) ss++;
      }
    }
    const sEnd = Math.min(end, sentenceEnd(this.text, ss, end));
    const np = npForward(this.text, ss, sEnd, false) ?? this.taggedPlural(ss, sEnd);
    if (!np || np.start !== ss || np.kind === 'pronoun') return null;
    if ((np.kind === 'org' || np.kind === 'pub') && np.det !== '') return np;
    const joint = coordination(this.text, np);
    if (joint?.conjuncts) return joint;
    const head = np.tokens[np.head] as Token;
    if (this.tagger) {
      const tags = this.tagger(this.text, ss, Math.min(end, np.end + 40));
      const t = tags.find((x) => x.start === head.start);
      return t && (t.tag === 'NNS' || (t.tag === 'NNPS' && head.start === ss)) ? np : null;
    }
    if (isCapitalised(head.text) && head.start !== ss) return null; // a name
    return /[^s]s$/.test(head.text) ? np : null;
  }

  private recentOfKind(pos: number, pred: (h: SpeakerHistoryItem) => boolean): Resolved | null {
    for (let k = this.history.length - 1; k >= 0; k--) {
      const h = this.history[k] as SpeakerHistoryItem;
      if (h.pos > pos) continue;
      if (pred(h)) return h.resolved;
    }
    return null;
  }

  /** Resolves a noun phrase that names a speaker. */
  resolve(np: NP): Resolved | null {
    const conjuncts = (np as NP & { conjuncts?: NP[] }).conjuncts;
    if (conjuncts) {
      const names: string[] = [];
      for (const c of conjuncts) {
        const r = this.resolve(c);
        if (r?.kind !== 'person') return this.resolve(conjuncts[conjuncts.length - 1] as NP);
        names.push(r.name);
      }
      const nm = joinNames(names);
      return { name: nm, kind: 'anon', key: nm.toLowerCase() };
    }
    const head = np.tokens[np.head] as Token;
    const headBare = bare(head.text);
    if (np.kind === 'pronoun') {
      if (headBare === 'he' || headBare === 'his' || headBare === 'she' || headBare === 'her') {
        return this.recentPerson(
          np.start,
          headBare === 'she' || headBare === 'her',
          headBare === 'his' || headBare === 'her',
        );
      }
      if (headBare === 'they' || headBare === 'their') {
        const group = this.recentGroup(np.start);
        if (group) return group;
      }
      if (
        headBare === 'they' ||
        headBare === 'their' ||
        headBare === 'it' ||
        headBare === 'its' ||
        headBare === 'whose'
      ) {
        return (
          this.recentOfKind(np.start, (h) => h.resolved.kind !== 'person' && !h.plural) ??
          this.recentDocAuthor(np.start) ??
          null
        );
      }
      return null; // I, we, you: the writer or someone inside a quote
    }
    if (
      np.kind === 'person' &&
      isCapitalised(head.text) &&
      !this.names.lookup(head.text) &&
      np.det === 'the' &&
      (TITLES.has(headBare) || ROLE_NOUNS.has(headBare))
    ) {
      const words = np.tokens.map((t) => bare(t.text));
      const r = this.resolveRole(np, words, headBare);
      if (r) return r;
    }
    // "Executive director of the Council on Health Care Alia Salem": a role with its body, then the
    // person's name, which begins at a given name
    const texts = tokenize(this.text, np.start, np.end).map((t) => t.text);
    const aff = affiliationAt(texts);
    if (aff > 0) {
      const last = texts[aff - 1] ?? '';
      const nm = stripPossessive(texts.slice(0, aff).join(' '));
      return { name: nm, kind: 'person', key: this.names.keyOf(last) ?? bare(last) };
    }
    const g = (np.tokens[np.head] as Token).end === np.end ? givenNameStart(texts) : 0;
    if (g > 0 && texts.slice(g).every(isCapitalised)) {
      const last = texts[texts.length - 1] ?? '';
      const nm = stripPossessive(texts.slice(g).join(' '));
      return { name: nm, kind: 'person', key: this.names.keyOf(last) ?? bare(last) };
    }
    // "Some in the party", "Those around the mayor", "Many of them": a determiner standing as the
    // head of its phrase is a group described by what follows; never the body named after it
    const t1 = np.tokens[1];
    if (
      t1 &&
      DETERMINERS.has(bare((np.tokens[0] as Token).text)) &&
      (PREPOSITIONS.has(bare(t1.text)) || bare(t1.text) === 'in' || bare(t1.text) === 'around')
    )
      return { name: describe(np), kind: 'anon', key: np.tokens.map((t) => bare(t.text)).join(' ') };
    // "another commonwealth Democrat", "one Nevada Republican": a party member or a national
    // described, not named
    if (
      np.det !== '' &&
      np.det !== 'the' &&
      np.det !== 'poss' &&
      np.head === np.tokens.length - 1 &&
      (DEMONYMS.has(stripPossessive(head.text)) || DEMONYMS.has(stripPossessive(head.text).replace(/s$/, '')))
    )
      return { name: describe(np), kind: 'anon', key: np.tokens.map((t) => bare(t.text)).join(' ') };
    if (np.kind === 'person' && isCapitalised(head.text)) {
      // "Lena Marsh" when "Marsh" alone is someone else
      for (let k = np.head - 1; k >= 0 && isCapitalised((np.tokens[k] as Token).text); k--) {
        const given = (np.tokens[k] as Token).text;
        const other = this.names.lookupFull(given, head.text);
        if (other) return { name: other.name, kind: 'person', key: `${bare(given)} ${headBare}` };
      }
      // name: find last capitalised run
      const info = this.names.lookup(head.text, np.start);
      if (info) {
        // record roles seen in this mention
        return {
          name: info.name,
          kind: 'person',
          key: this.names.keyOf(head.text, np.start) ?? bare(head.text),
        };
      }
      // the final capitalised run of the phrase, titles stripped ("analyst Kevin Park")
      const run: string[] = [];
      for (let i = np.tokens.length - 1; i >= 0; i--) {
        const w = (np.tokens[i] as Token).text;
        if (
          isCapitalised(w) ||
          (run.length > 0 &&
            (NAME_PARTICLES.has(w.toLowerCase()) || isInnerConnector(w, np.tokens.slice(0, i))))
        )
          run.unshift(w);
        else break;
      }
      while (
        run.length > 1 &&
        (TITLES.has(bare(run[0] ?? '')) || CAPITAL_STOPWORDS.has(run[0] ?? '') || run[0] === 'of')
      )
        run.shift();
      // "Minister of Education Stefania Giannini": the name begins at its given name
      const g = givenNameStart(run);
      if (g > 0) run.splice(0, g);
      const nm = stripPossessive(run.join(' '));
      const titled = np.tokens.some((t) => TITLES.has(bare(t.text)) || ROLE_NOUNS.has(bare(t.text)));
      return {
        name: nm,
        kind: run.length >= 2 && titled ? 'person' : 'org',
        key: bare(run[run.length - 1] ?? nm),
      };
    }
    if (np.kind === 'pub') {
      const words = np.tokens.filter((t) => bare(t.text) !== 'the' || np.tokens.length === 1);
      const nm = stripPossessive(words.map((t) => t.text).join(' '));
      const withThe = np.det === 'the' ? `The ${nm}` : nm;
      return { name: withThe, kind: 'pub', key: bare(nm) };
    }
    const words = np.tokens.map((t) => bare(t.text));
    // "his office", "her spokesman", "its board": the organisation or aide of the person (or
    // body) the possessive pronoun stands for ("Alan Whitfield's office")
    if ((np.det === 'his' || np.det === 'her' || np.det === 'its') && np.tokens.length > 1) {
      const first = np.tokens[0] as Token;
      const owner = this.resolve({
        ...np,
        end: first.end,
        text: first.text,
        tokens: [first],
        head: 0,
        kind: 'pronoun',
      });
      if (owner) {
        const nm = `${owner.name}\u2019s ${np.tokens
          .slice(1)
          .map((t) => t.text)
          .join(' ')}`;
        return { name: nm, kind: np.kind === 'org' ? 'org' : 'anon', key: bare(nm) };
      }
    }
    const definite = np.det === 'the' || np.det === 'this' || np.det === 'that' || np.det === 'poss';
    if (np.kind === 'doc') {
      // "a report by Politico", "a statement from the ministry": the document's author, written
      // after it (inside the phrase or right after it)
      const headEnd = (np.tokens[np.head] as Token).end;
      const m = /^ (by|from) /.exec(this.text.slice(headEnd, headEnd + 6));
      if (m) {
        const agentStart = headEnd + m[0].length;
        const agent = npForward(this.text, agentStart, Math.min(this.text.length, agentStart + 120), false);
        const last = agent ? (agent.tokens[agent.tokens.length - 1] as Token) : null;
        if (agent && last && (isCapitalised(last.text) || agent.kind === 'org' || agent.kind === 'person'))
          return this.resolve(agent);
      }
    }
    if (np.kind === 'doc' && definite && np.det !== 'poss') {
      const author = this.recentDocAuthor(np.start);
      if (author) return author;
      // "the report" → the publication/organisation that produced the most recent report
      const prev = this.recentOfKind(
        np.start,
        // an earlier document only when it is the same one ("the report" … "the report"), not
        // another ("the audit" … "the letter")
        (h) =>
          h.resolved.kind === 'pub' ||
          h.resolved.kind === 'org' ||
          (h.resolved.kind === 'doc' && h.words.includes(headBare)),
      );
      if (prev) return prev;
      return { name: describe(np), kind: 'doc', key: words.join(' ') };
    }
    if (definite && np.det !== 'poss') {
      // role noun: "the Prime Minister", "the source", "the Albanian leader", "the U.S. official"
      const r = this.resolveRole(np, words, headBare);
      if (r) return r;
    }
    if (np.det === 'poss') {
      // "Trump’s Middle East envoy": keep as description
      return { name: describe(np), kind: np.kind === 'org' ? 'org' : 'anon', key: words.join(' ') };
    }
    if (np.kind === 'org') {
      const prev = definite
        ? this.recentOfKind(np.start, (h) => h.resolved.kind === 'org' && h.words.includes(headBare))
        : null;
      if (prev) return prev;
      // "the group" after "Citizens for Ethics, a liberal watchdog group"
      const bareDefinite = np.det === 'the' && words.filter((w) => !DETERMINERS.has(w)).length === 1;
      const described = bareDefinite ? this.describedBody(headBare, np.start) : null;
      if (described) return described;
      // A bare "the administration" with none named before as a speaker: the "X administration"
      // the article named last, or, in news English, the administration of the president the
      // article names ("Trump administration").
      if (
        definite &&
        headBare === 'administration' &&
        words.filter((w) => !DETERMINERS.has(w)).length === 1
      ) {
        const named = this.namedAdministration(np.start);
        if (named) return { name: named, kind: 'org', key: bare(named) };
        const president = this.recentPresident(np.start);
        if (president) {
          const nm = `${president} administration`;
          return { name: nm, kind: 'org', key: bare(nm) };
        }
      }
      const nm = np.tokens
        .filter((t, i) => !(i === 0 && DETERMINERS.has(bare(t.text))))
        .map((t) => t.text)
        .join(' ');
      return { name: nm, kind: 'org', key: bare(nm) };
    }
    return { name: describe(np), kind: 'anon', key: words.join(' ') };
  }

  private resolveRole(np: NP, words: string[], headBare: string): Resolved | null {
    const content = words.filter((w) => !DETERMINERS.has(w));
    const roleStr = content.join(' ');
    // anonymous source mentioned before with the same head ("the source", "the U.S. official",
    // "the source close to Trump’s national security team")
    if (ANON_HEADS.has(headBare) || ANON_HEADS.has(headBare.replace(/s$/, ''))) {
      const all = npWords(this.text, np).filter((w) => !DETERMINERS.has(w) && !STOP_IN_DESC.has(w));
      const headIdx = all.indexOf(headBare);
      const mods = headIdx >= 0 ? all.slice(0, headIdx) : all.filter((w) => w !== headBare);
      const post = headIdx >= 0 ? all.slice(headIdx + 1) : [];
      const singular = !headBare.endsWith('s');
      const anon = this.recentOfKind(np.start, (h) => {
        if (h.resolved.kind !== 'anon') return false;
        const hw = h.words;
        const sameHead = hw.some((w) => w === headBare || w === `${headBare}s` || `${w}s` === headBare);
        const genericSource = headBare === 'source' || headBare === 'sources';
        if (!sameHead && !genericSource) return false;
        if (genericSource && !sameHead && singular && h.plural) return false;
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
    }
    // person with that role among the registry (most recent mention wins)
    let best: Resolved | null = null;
    let bestPos = -1;
    for (const [surname, info] of this.names.bySurname) {
      let match = false;
      for (const r of info.roles) {
        if (
          r === roleStr ||
          r.endsWith(` ${roleStr}`) ||
          r.includes(roleStr) ||
          (content.length >= 1 && r.endsWith(headBare) && roleAdjMatch(content, r))
        ) {
          match = true;
          break;
        }
      }
      if (!match) continue;
      const p = this.lastOccurrence(surname, np.start);
      if (p > bestPos) {
        bestPos = p;
        best = { name: info.name, kind: 'person', key: surname };
      }
    }
    if (best) return best;
    // leader-type nouns: the most recent person with any leadership title
    if (LEADER_NOUNS.has(headBare)) {
      for (const [surname, info] of this.names.bySurname) {
        let match = false;
        for (const r of info.roles) if (LEADER_TITLES.some((lt) => r.includes(lt))) match = true;
        if (!match) continue;
        const p = this.lastOccurrence(surname, np.start);
        if (p > bestPos) {
          bestPos = p;
          best = { name: info.name, kind: 'person', key: surname };
        }
      }
      if (best) return best;
    }
    // the author / the writer: the most recent person
    if (headBare === 'author' || headBare === 'writer') return this.recentPerson(np.start, null);
    return null;
  }

  /** "X administration" phrases of the text, in order (found once, on first need). */
  private administrations: Array<{ pos: number; name: string }> | null = null;

  /** "Harmon administration": the last administration named by a capitalised word before `pos`. */
  private namedAdministration(pos: number): string | null {
    if (!this.administrations) {
      this.administrations = [];
      for (const m of this.text.matchAll(/(\p{Lu}[\p{Ll}’'-]{1,30}) administration\b/gu)) {
        const word = m[1] ?? '';
        if (DETERMINERS.has(bare(word)) || CAPITAL_STOPWORDS.has(word)) continue;
        this.administrations.push({ pos: m.index, name: `${stripPossessive(word)} administration` });
      }
    }
    let found: string | null = null;
    for (const a of this.administrations) {
      if (a.pos >= pos) break;
      found = a.name;
    }
    return found;
  }

  /**
   * The surname of the president mentioned last before `pos` (or first after it): a person whose
   * titles include "president" but not "vice president".
   */
  private recentPresident(pos: number): string | null {
    let best: string | null = null;
    let bestPos = -Infinity;
    for (const [surname, info] of this.names.bySurname) {
      const president = [...info.roles].some((r) => /(^| )president$/.test(r) && !/\bvice\b/.test(r));
      if (!president) continue;
      const p = this.lastOccurrence(surname, pos);
      const at = p >= 0 ? p : -1e9;
      if (at > bestPos) {
        bestPos = at;
        best = info.name.split(' ').at(-1) ?? null;
      }
    }
    return best;
  }

  lastOccurrence(surname: string, before: number): number {
    const occ = this.names.occurrences;
    let lo = 0;
    let hi = occ.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((occ[mid] as NameOccurrence).start < before) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0 && k > lo - 400; k--) {
      if ((occ[k] as NameOccurrence).surname === surname) return (occ[k] as NameOccurrence).start;
    }
    return -1;
  }
}

const LEADER_NOUNS = new Set(['leader', 'president', 'premier', 'chancellor', 'head', 'chief']);
const LEADER_TITLES = ['president', 'prime minister', 'premier', 'chancellor', 'king', 'emir', 'leader'];

function roleAdjMatch(content: string[], role: string): boolean {
  // all content words of the mention appear in the role phrase
  return content.every((w) => role.split(' ').includes(w));
}

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

/** Lower-cased words of a noun phrase's full text (including a post-modifier). */
export function npWords(text: string, np: NP): string[] {
  return tokenize(text, np.start, np.end).map((t) => bare(t.text));
}

/** "a person close to X and a U.S. official familiar with Y" → the two descriptions. */
function splitConjuncts(text: string, np: NP): NP[] {
  const toks = tokenize(text, np.start, np.end);
  const out: NP[] = [];
  let from = 0;
  for (let i = 1; i + 1 < toks.length; i++) {
    const t = toks[i] as Token;
    const n = toks[i + 1] as Token;
    if (
      t.text === 'and' &&
      (n.text === 'a' || n.text === 'an' || n.text === 'the' || n.text === 'one' || n.text === 'another')
    ) {
      const part = toks.slice(from, i);
      const np1 = partNP(text, part);
      if (np1) out.push(np1);
      from = i + 1;
    }
  }
  if (out.length === 0) return [];
  const last = partNP(text, toks.slice(from));
  if (last) out.push(last);
  return out;
}

function partNP(text: string, toks: Token[]): NP | null {
  if (toks.length === 0) return null;
  const first = toks[0] as Token;
  const last = toks[toks.length - 1] as Token;
  const det = bare(first.text);
  return {
    start: first.start,
    end: last.end,
    text: text.slice(first.start, last.end),
    tokens: toks,
    head: toks.length - 1,
    kind: 'anon',
    det: DETERMINERS.has(det) ? det : '',
  };
}
