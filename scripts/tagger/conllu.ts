/**
 * Reading the treebanks in ../shared/corpus/treebanks (CoNLL-U) and the data split the tagger is
 * trained and measured on:
 * - train: UD English EWT train + every GUM document except the news genre's,
 * - dev (tuning): EWT dev,
 * - test (reporting): EWT test, and the GUM news documents — held out because they are the
 *   Wikinews articles of ../shared/corpus/gum-news, Saywho's extraction evaluation data.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Word {
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  /** Character offsets of the word in the sentence's `# text` (−1 when they cannot be told). */
  start: number;
  end: number;
  /** Part of a multi-word token ("do" and "n't" of "don't"). */
  inMwt: boolean;
}

export interface Sentence {
  id: string;
  /** Document (GUM file name, or EWT's sent_id up to its last '-'). */
  doc: string;
  /** EWT genre (weblog, newsgroup, email, reviews, answers) or GUM genre (news, academic…). */
  genre: string;
  text: string;
  words: Word[];
}

export function readConllu(path: string, docName?: string): Sentence[] {
  const out: Sentence[] = [];
  let id = '';
  let text = '';
  let words: Word[] = [];
  let surface: Array<{ form: string; words: number[]; spaceAfter: boolean }> = [];
  let mwtUntil = 0;
  let mwtIndex = -1;
  const flush = () => {
    if (words.length === 0) return;
    locate(text, words, surface);
    const doc = docName ?? id.slice(0, id.lastIndexOf('-'));
    const genre = docName ? (docName.split('_')[1] ?? 'gum') : id.slice(0, id.indexOf('-'));
    out.push({ id, doc, genre, text, words });
    words = [];
    surface = [];
    mwtUntil = 0;
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('# sent_id = ')) id = line.slice(12).trim();
    else if (line.startsWith('# text = ')) text = line.slice(9);
    else if (line === '') flush();
    else if (!line.startsWith('#')) {
      const cols = line.split('\t');
      const idCol = cols[0]!;
      if (idCol.includes('.')) continue; // empty nodes
      const spaceAfter = !(cols[9] ?? '').includes('SpaceAfter=No');
      if (idCol.includes('-')) {
        mwtUntil = Number(idCol.split('-')[1]);
        surface.push({ form: cols[1]!, words: [], spaceAfter });
        mwtIndex = surface.length - 1;
        continue;
      }
      const n = Number(idCol);
      const inMwt = n <= mwtUntil;
      words.push({
        form: cols[1]!,
        lemma: cols[2]!,
        upos: cols[3]!,
        xpos: cols[4]!,
        start: -1,
        end: -1,
        inMwt,
      });
      if (inMwt) surface[mwtIndex]!.words.push(words.length - 1);
      else surface.push({ form: cols[1]!, words: [words.length - 1], spaceAfter });
    }
  }
  flush();
  return out;
}

/** Character offsets of each word in the sentence text, found by walking the surface tokens. */
function locate(text: string, words: Word[], surface: Array<{ form: string; words: number[] }>): void {
  let at = 0;
  for (const s of surface) {
    const found = text.indexOf(s.form, at);
    if (found < 0 || found - at > 3) continue;
    at = found;
    if (s.words.length === 1) {
      const w = words[s.words[0]!]!;
      w.start = at;
      w.end = at + s.form.length;
    } else {
      // A multi-word token: its words' offsets when they spell it ("do" + "n't" = "don't").
      let k = at;
      for (const i of s.words) {
        const w = words[i]!;
        if (text.startsWith(w.form, k)) {
          w.start = k;
          w.end = k + w.form.length;
          k = w.end;
        }
      }
    }
    at += s.form.length;
  }
}

export const TREEBANKS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'treebanks');
export const GUM_NEWS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'gum-news');

export interface Split {
  train: Sentence[];
  dev: Sentence[];
  test: Sentence[];
  /** GUM news, held out: the Wikinews articles of the extraction evaluation. */
  news: Sentence[];
  /** Names of the held-out documents in gum-news/CHECK (the extraction's check part). */
  checkDocs: Set<string>;
}

export function loadSplit(): Split {
  const ewt = join(TREEBANKS, 'ud-english-ewt');
  const heldOut = new Set(readdirSync(GUM_NEWS).filter((d) => d.startsWith('GUM_')));
  const checkPath = join(GUM_NEWS, 'CHECK');
  const checkDocs = new Set(
    existsSync(checkPath)
      ? readFileSync(checkPath, 'utf8')
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  );
  const train = readConllu(join(ewt, 'en_ewt-ud-train.conllu'));
  const news: Sentence[] = [];
  const gumDir = join(TREEBANKS, 'gum');
  for (const f of readdirSync(gumDir)
    .filter((f) => f.endsWith('.conllu'))
    .sort()) {
    const doc = f.replace('.conllu', '');
    const sentences = readConllu(join(gumDir, f), doc);
    if (heldOut.has(doc)) news.push(...sentences);
    else train.push(...sentences);
  }
  return {
    train,
    dev: readConllu(join(ewt, 'en_ewt-ud-dev.conllu')),
    test: readConllu(join(ewt, 'en_ewt-ud-test.conllu')),
    news,
    checkDocs,
  };
}
