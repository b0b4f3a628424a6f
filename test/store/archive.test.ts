/**
 * Saving a quote the archive already holds (by hand, from the card or the popup): the new note is
 * appended to the entry's note, the new tags join its tags, and the caller learns what happened.
 * And a page's publication date enters the archive only when it is a plausible date or no date.
 */
import { describe, expect, it } from 'vitest';
import type { IngestPage } from '../../utils/messages';
import { type Capture, describeSave, MAX_NOTE } from '../../utils/store/archive';
import { ingestPage, saveCapture, saveStatement, updateEntry } from '../../utils/store/writes';
import { useTestStore } from '../helpers/store';

const db = useTestStore('archive');

const QUOTE = 'We will rebuild the bridge by spring.';

function capture(over: Partial<Capture> = {}, publishedAt: string | null = '2025-05-07'): Capture {
  return {
    statementId: null,
    snapshot: {
      text: QUOTE,
      kind: 'direct',
      speaker: 'Ada Park',
      cue: 'said',
      pageUrl: 'https://news.example/story',
      pageTitle: 'Council votes on the bridge',
      site: 'news.example',
      publishedAt,
    },
    ...over,
  };
}

async function storedStatement(publishedAt: string | null = null): Promise<number> {
  const message: IngestPage = {
    type: 'ingest-page',
    page: {
      url: 'https://news.example/story',
      canonicalUrl: null,
      title: 'A story',
      site: 'news.example',
      publishedAt,
    },
    statements: [
      {
        text: QUOTE,
        kind: 'direct',
        start: 0,
        end: QUOTE.length,
        speaker: { name: 'Ada Park', mention: 'Park', mentionStart: 0 },
        cue: 'said',
        continues: null,
        prefix: '',
        suffix: '',
      },
    ],
  };
  const result = await ingestPage(db(), message);
  return result.statements[0]!.statementId;
}

describe('saving a quote captured by hand that the archive already holds', () => {
  it('appends a different note after a blank line and adds the new tags, and says so', async () => {
    const first = await saveCapture(
      db(),
      capture({ note: 'Said at the council.', tags: ['bridge', 'council'] }),
    );
    expect(first).toEqual({ id: expect.any(Number), alreadySaved: null });
    const again = await saveCapture(
      db(),
      capture({ note: 'Repeated on the radio.', tags: ['Council', 'radio', ' budget '] }),
    );
    expect(again).toEqual({
      id: first.id,
      alreadySaved: { noteAdded: true, tagsAdded: ['radio', 'budget'] },
    });
    expect(await db().archive.toArray()).toEqual([
      expect.objectContaining({
        id: first.id,
        note: 'Said at the council.\n\nRepeated on the radio.',
        tags: ['bridge', 'council', 'radio', 'budget'],
      }),
    ]);
    expect(describeSave(again)).toBe('Already saved: note and tags added.');
  });

  it('adds nothing when the note is one the entry has and the tags are all there', async () => {
    await saveCapture(
      db(),
      capture({ note: 'Said at the council.\n\nRepeated on the radio.', tags: ['bridge'] }),
    );
    const again = await saveCapture(db(), capture({ note: '  Repeated on the radio. ', tags: ['BRIDGE'] }));
    expect(again.alreadySaved).toEqual({ noteAdded: false, tagsAdded: [] });
    expect(describeSave(again)).toBe('Already saved.');
    const [entry] = await db().archive.toArray();
    expect(entry).toMatchObject({ note: 'Said at the council.\n\nRepeated on the radio.', tags: ['bridge'] });
  });

  it('keeps the note of an entry that had none, and tells a note or tags added alone', async () => {
    await saveCapture(db(), capture());
    const note = await saveCapture(db(), capture({ note: 'Check in spring.' }));
    expect(describeSave(note)).toBe('Already saved: note added.');
    const tags = await saveCapture(db(), capture({ tags: ['bridge'] }));
    expect(describeSave(tags)).toBe('Already saved: tags added.');
    expect(await db().archive.toArray()).toEqual([
      expect.objectContaining({ note: 'Check in spring.', tags: ['bridge'] }),
    ]);
    expect(describeSave({ id: 1, alreadySaved: null })).toBe('Saved to your archive.');
  });

  it('names only the tags it added when the entry’s own tags repeat (as an imported file may have them)', async () => {
    const { id } = await saveCapture(db(), capture());
    await db().archive.update(id, { tags: ['bridge', 'Bridge'] });
    const again = await saveCapture(db(), capture({ tags: ['BRIDGE', 'spring'] }));
    expect(again.alreadySaved).toEqual({ noteAdded: false, tagsAdded: ['spring'] });
    expect((await db().archive.get(id))?.tags).toEqual(['bridge', 'Bridge', 'spring']);
  });

  it('refuses a note that would make the entry’s note too long, and changes nothing', async () => {
    await saveCapture(db(), capture({ note: 'x'.repeat(MAX_NOTE - 10) }));
    await expect(saveCapture(db(), capture({ note: 'A new thought.', tags: ['new'] }))).rejects.toThrow(
      /already saved.*note.*10,000 characters/i,
    );
    const [entry] = await db().archive.toArray();
    expect(entry).toMatchObject({ note: 'x'.repeat(MAX_NOTE - 10), tags: [] });
  });
});

describe('saving a quote captured by hand', () => {
  it.each(['javascript:alert(1)', 'chrome://settings'])('refuses the page address %s', async (pageUrl) => {
    const bad = capture();
    bad.snapshot.pageUrl = pageUrl;
    await expect(saveCapture(db(), bad)).rejects.toThrow(/web pages \(http or https addresses\) only/);
    expect(await db().archive.count()).toBe(0);
  });
});

describe('saving a stored statement the archive already holds', () => {
  it('merges the new note and tags into the entry and reports it', async () => {
    const id = await storedStatement();
    const first = await saveStatement(db(), id, { note: 'First reading.', tags: ['bridge'], now: 1000 });
    expect(first.alreadySaved).toBeNull();
    const again = await saveStatement(db(), id, {
      note: 'Second reading.',
      tags: ['bridge', 'spring'],
      now: 2000,
    });
    expect(again).toEqual({ id: first.id, alreadySaved: { noteAdded: true, tagsAdded: ['spring'] } });
    expect(await db().archive.toArray()).toEqual([
      expect.objectContaining({
        note: 'First reading.\n\nSecond reading.',
        tags: ['bridge', 'spring'],
        // The entry keeps when it was first saved.
        savedAt: 1000,
      }),
    ]);
  });
});

describe('the publication date an entry keeps', () => {
  it.each([
    ['a plausible date', '2025-05-07', '2025-05-07'],
    ['words that are no date', 'Tuesday morning', 'Tuesday morning'],
    ['a CMS placeholder date', '0001-01-01T00:00:00', null],
    ['a date far in the future', '9999-12-31', null],
  ])('keeps %s from a capture as %s', async (_, publishedAt, kept) => {
    await saveCapture(db(), capture({}, publishedAt));
    expect((await db().archive.toArray())[0]?.snapshot.publishedAt).toBe(kept);
  });

  it('keeps only a plausible date from a stored page', async () => {
    const id = await storedStatement('0001-01-01T00:00:00');
    await saveStatement(db(), id);
    expect((await db().archive.toArray())[0]?.snapshot.publishedAt).toBeNull();
  });
});

describe('editing an entry', () => {
  it('refuses a note longer than an entry keeps (its export would not import), changing nothing', async () => {
    const { id } = await saveCapture(db(), capture({ note: 'Short.' }));
    await expect(updateEntry(db(), id, { note: 'x'.repeat(MAX_NOTE + 1) })).rejects.toThrow(
      /10,000 characters/,
    );
    expect((await db().archive.get(id))?.note).toBe('Short.');
    await updateEntry(db(), id, { note: 'x'.repeat(MAX_NOTE) });
    expect((await db().archive.get(id))?.note).toHaveLength(MAX_NOTE);
  });
});
