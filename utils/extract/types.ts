/**
 * The shape of what the extractor finds. Pure data: no DOM, no browser APIs, so the same values
 * travel from the content script to the background worker, the CLI and the tests.
 */

/** How the words reach the reader: verbatim sentences, a verbatim fragment, or reported speech. */
export type StatementKind = 'direct' | 'partial' | 'indirect';

export interface SpeakerRef {
  /** Canonical name: the fullest form the article gives ("Karoline Leavitt"), or the description of an anonymous source ("a senior Israeli official"). */
  name: string;
  /** The words at this statement that name the speaker ("Leavitt", "he", "the Prime Minister"). */
  mention: string;
  /** UTF-16 offset of `mention` in the article text, or -1 when the mention is carried over from an earlier segment. */
  mentionStart: number;
}

export interface Statement {
  /** For direct and partial quotes, what stands between the marks; for indirect speech, the reported clause. */
  text: string;
  kind: StatementKind;
  /** UTF-16 offsets into the article text; `text === articleText.slice(start, end)`. */
  start: number;
  end: number;
  speaker: SpeakerRef | null;
  /** The reporting expression as written ("said", "told reporters", "according to"), or null. */
  cue: string | null;
  /** Index (in the same result array) of the earlier segment of the same utterance, or null. */
  continues: number | null;
}
