/**
 * Penn Treebank tags (as in UD English EWT's XPOS column) and their Universal POS by a fixed map.
 * The map cannot tell what needs syntax: AUX from VERB (only modals and forms of "be" become AUX
 * here), SCONJ from ADP for IN ("that", "if", "because" are SCONJ in UD), PRON from DET for WDT.
 */

const UPOS: Record<string, string> = {
  NN: 'NOUN',
  NNS: 'NOUN',
  NNP: 'PROPN',
  NNPS: 'PROPN',
  VB: 'VERB',
  VBD: 'VERB',
  VBG: 'VERB',
  VBN: 'VERB',
  VBP: 'VERB',
  VBZ: 'VERB',
  MD: 'AUX',
  JJ: 'ADJ',
  JJR: 'ADJ',
  JJS: 'ADJ',
  AFX: 'ADJ',
  RB: 'ADV',
  RBR: 'ADV',
  RBS: 'ADV',
  WRB: 'ADV',
  IN: 'ADP',
  RP: 'ADP',
  DT: 'DET',
  PDT: 'DET',
  WDT: 'DET',
  PRP: 'PRON',
  PRP$: 'PRON',
  WP: 'PRON',
  WP$: 'PRON',
  EX: 'PRON',
  CC: 'CCONJ',
  CD: 'NUM',
  TO: 'PART',
  POS: 'PART',
  UH: 'INTJ',
  SYM: 'SYM',
  $: 'SYM',
};

/** The Universal POS of a Penn Treebank tag; pass the lemma to get AUX for forms of "be". */
export function upos(tag: string, lemma?: string): string {
  if (lemma === 'be' && tag.startsWith('VB')) return 'AUX';
  const u = UPOS[tag];
  if (u) return u;
  if (tag === 'FW' || tag === 'LS' || tag === 'ADD' || tag === 'GW' || tag === 'XX') return 'X';
  return 'PUNCT'; // . , : `` '' -LRB- -RRB- HYPH NFP
}

/** Coarse classes used to compare taggers with different tag sets. */
export type Coarse = 'noun' | 'propn' | 'verb' | 'adj' | 'adv' | 'other';

export function coarse(tag: string): Coarse {
  if (tag === 'NN' || tag === 'NNS') return 'noun';
  if (tag === 'NNP' || tag === 'NNPS') return 'propn';
  if (tag.startsWith('VB') || tag === 'MD') return 'verb';
  if (tag.startsWith('JJ')) return 'adj';
  if (tag.startsWith('RB') || tag === 'WRB') return 'adv';
  return 'other';
}

export function isVerbTag(tag: string): boolean {
  return tag.startsWith('VB');
}

export function isNounTag(tag: string): boolean {
  return tag.startsWith('NN');
}
