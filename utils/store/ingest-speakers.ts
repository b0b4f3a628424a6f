/**
 * Ingest's speakers: the stored speaker each name on a page is (found by identity key, merged with
 * other forms of the name), or a new one drafted, and their writes. Nothing is written while
 * planning, so the plan can be made again for the statements the budgets let in.
 */

import type { StatementPayload } from '../domain';
import { inferSpeakerKind, sameSpeaker, speakerIdentityKey } from '../match/identity';
import { normalizeText } from '../match/normalize';
import type { SaywhoDb, SpeakerRow } from './db';
import { answers, rawIndex } from './ingest-idb';

/** A page's speaker as it will be stored: found by name (id set) or new (id 0 until written). */
export interface SpeakerDraft {
  row: SpeakerRow;
  fresh: boolean;
  dirty: boolean;
}

/** The speakers of statements, as the page names them (one per statement with a speaker). */
export function speakersOf(
  statements: readonly StatementPayload[],
): Array<{ name: string; mention: string }> {
  return statements.flatMap((s) => (s.speaker ? [s.speaker] : []));
}

/**
 * Finds the stored speakers for a page's names, or drafts new ones, in one parallel lookup of
 * every identity key; nothing is written (see `writeSpeakers`). Forms of one name merge across
 * pages and within the page ("Trump" then "Donald Trump"); the fullest form becomes the name, the
 * others aliases.
 */
export async function planSpeakers(
  db: SaywhoDb,
  pageKey: string,
  speakers: ReadonlyArray<{ name: string; mention: string }>,
): Promise<Map<string, SpeakerDraft>> {
  const named = new Map<string, { identity: string | null; identityKey: string; type: SpeakerRow['type'] }>();
  for (const { name } of speakers) {
    if (named.has(name)) continue;
    const type = inferSpeakerKind(name);
    const identity = speakerIdentityKey(name, type);
    // Anonymous sources and bare roles are only themselves on the page they were read on.
    named.set(name, { identity, identityKey: identity ?? `page:${pageKey}:${normalizeText(name)}`, type });
  }
  const identityKeys = [...new Set([...named.values()].map((n) => n.identityKey))];
  const index = rawIndex(db.speakers.name, 'identityKey');
  const stored = await answers<SpeakerRow[]>(identityKeys.map((k) => index.getAll(k)));
  const byKey = new Map<string, SpeakerDraft[]>(
    identityKeys.map((k, i) => [k, stored[i]!.map((row) => ({ row, fresh: false, dirty: false }))]),
  );
  const drafts = new Map<string, SpeakerDraft>();
  for (const { name, mention } of speakers) {
    let draft = drafts.get(name);
    if (!draft) {
      const { identity, identityKey, type } = named.get(name)!;
      draft = draftFor(byKey.get(identityKey)!, name, identity, identityKey, type, pageKey);
      drafts.set(name, draft);
    }
    const { row } = draft;
    if (mention && mention !== row.name && !row.aliases.includes(mention)) {
      row.aliases = [...row.aliases, mention];
      draft.dirty = true;
    }
  }
  return drafts;
}

/**
 * The draft a name is: a stored or drafted speaker of its identity key that is the same speaker
 * (the name added to its forms), else a new one, added to `list`.
 */
function draftFor(
  list: SpeakerDraft[],
  name: string,
  identity: string | null,
  identityKey: string,
  type: SpeakerRow['type'],
  pageKey: string,
): SpeakerDraft {
  const me = { name, type, pageKey };
  let draft = list.find(
    (c) => identity === null || sameSpeaker(me, { name: c.row.name, type: c.row.type, pageKey }),
  );
  if (!draft) {
    draft = { row: { id: 0, identityKey, name, aliases: [], type }, fresh: true, dirty: true };
    list.push(draft);
  } else if (name.length > draft.row.name.length && identity !== null) {
    // Keep the fullest form as the name: "Trump" becomes "Donald Trump".
    const { row } = draft;
    if (!row.aliases.includes(row.name)) row.aliases = [...row.aliases, row.name];
    row.name = name;
    draft.dirty = true;
  } else if (name !== draft.row.name && !draft.row.aliases.includes(name)) {
    draft.row.aliases = [...draft.row.aliases, name];
    draft.dirty = true;
  }
  return draft;
}

/**
 * Writes new and changed speakers of `planSpeakers`; new rows get the ids after `lastId` (the
 * highest speaker id), set before this returns, so rows referring to them can be written at once.
 */
export function writeSpeakers(
  db: SaywhoDb,
  drafts: ReadonlyMap<string, SpeakerDraft>,
  lastId: number,
): Promise<unknown> {
  const all = [...new Set(drafts.values())];
  const fresh = all.filter((d) => d.fresh);
  for (const [i, d] of fresh.entries()) d.row.id = lastId + 1 + i;
  return Promise.all([
    fresh.length > 0 ? db.speakers.bulkAdd(fresh.map((d) => d.row)) : null,
    db.speakers.bulkPut(all.filter((d) => d.dirty && !d.fresh).map((d) => d.row)),
  ]);
}
