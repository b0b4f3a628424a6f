import { describe, expect, it } from 'vitest';
import type { StatementPayload } from '../../utils/domain';
import type { IngestPage } from '../../utils/messages';
import type { SaywhoDb } from '../../utils/store/db';
import { pageKeyOf } from '../../utils/store/ingest';
import { archiveEntries, pageView } from '../../utils/store/queries';
import { ingestPage, saveStatement } from '../../utils/store/writes';
import { useTestStore } from '../helpers/store';

const db = useTestStore('ingest');

function statement(text: string, speaker: string | null, start = 0): StatementPayload {
  return {
    text,
    kind: 'direct',
    start,
    end: start + text.length,
    speaker: speaker ? { name: speaker, mention: speaker.split(' ').pop()!, mentionStart: -1 } : null,
    cue: 'said',
    continues: null,
    prefix: '',
    suffix: '',
  };
}

function page(url: string, statements: StatementPayload[], canonicalUrl: string | null = null): IngestPage {
  return {
    type: 'ingest-page',
    page: { url, canonicalUrl, title: `Title of ${url}`, site: new URL(url).hostname, publishedAt: null },
    statements,
  };
}

const QUOTE = 'We are not thrilled about the way that went down, and we want the hostages back.';

describe('ingestPage', () => {
  it('stores page, speakers and statements, and finds the same words given to a different speaker', async () => {
    const first = await ingestPage(db(), page('https://one.example/a', [statement(QUOTE, 'Jane Roe')]));
    expect(first.statements).toEqual([
      { statementId: expect.any(Number), related: 0, conflicts: 0, saved: false, strongest: null },
    ]);

    const second = await ingestPage(
      db(),
      page('https://two.example/b', [
        statement('Something else entirely.', 'John Doe'),
        statement(`“${QUOTE}”`, 'John Doe', 40),
      ]),
    );
    expect(second.statements[0]).toMatchObject({ related: 0, conflicts: 0 });
    expect(second.statements[1]).toMatchObject({
      related: 0,
      conflicts: 1,
      strongest: {
        type: 'misattribution',
        otherSpeaker: 'Jane Roe',
        otherTitle: 'Title of https://one.example/a',
        otherSite: 'one.example',
        otherUrl: 'https://one.example/a',
      },
    });
    expect(second.statements[1]!.strongest!.reason).toBe(
      'same 16 words; one.example says Jane Roe, two.example says John Doe',
    );

    const view = await pageView(db(), 'https://two.example/b');
    expect(view?.statements.map((s) => s.statement.text)).toEqual(['Something else entirely.', `“${QUOTE}”`]);
    const related = view!.statements[1]!.related;
    expect(related).toHaveLength(1);
    expect(related[0]!.statement.speakerName).toBe('Jane Roe');
    expect(related[0]!.page?.url).toBe('https://one.example/a');
    expect(await db().speakers.count()).toBe(2);
  });

  it('calls the same words with the same speaker a reprint, not a conflict', async () => {
    await ingestPage(db(), page('https://one.example/a', [statement(QUOTE, 'Jane Roe')]));
    const again = await ingestPage(db(), page('https://two.example/b', [statement(QUOTE, 'Jane Roe')]));
    expect(again.statements[0]).toMatchObject({
      related: 1,
      conflicts: 0,
      strongest: { type: 'same-quote' },
    });
    expect(await db().speakers.count()).toBe(1);
  });

  it('adds nothing when a page is read again, and stores a page once under its canonical URL', async () => {
    const message = page(
      'https://one.example/a?utm=x',
      [statement(QUOTE, 'Jane Roe')],
      'https://one.example/a',
    );
    await ingestPage(db(), page('https://two.example/b', [statement(QUOTE, 'John Doe')]));
    const first = await ingestPage(db(), message);
    const counts = async () => [
      await db().pages.count(),
      await db().statements.count(),
      await db().relations.count(),
    ];
    const before = await counts();
    const again = await ingestPage(db(), {
      ...message,
      page: { ...message.page, url: 'https://one.example/a#top' },
    });
    expect(await counts()).toEqual(before);
    expect(again.statements).toEqual(first.statements);
  });

  it('stores a page opened in two tabs at once only once', async () => {
    const message = page('https://one.example/a', [
      statement(QUOTE, 'Jane Roe'),
      statement('Another line here.', 'Jane Roe', 90),
    ]);
    await Promise.all([ingestPage(db(), message), ingestPage(db(), message)]);
    expect(await db().pages.count()).toBe(1);
    expect(await db().statements.count()).toBe(2);
  });

  it('is atomic: a failure in the middle leaves nothing behind', async () => {
    const bad = page('https://one.example/a', [statement(QUOTE, 'Jane Roe')]);
    // The statements write fails after page and speaker were written in the same transaction.
    db().statements.bulkAdd = (() =>
      Promise.reject(new Error('disk trouble'))) as unknown as SaywhoDb['statements']['bulkAdd'];
    await expect(ingestPage(db(), bad)).rejects.toThrow('disk trouble');
    expect(await db().pages.count()).toBe(0);
    expect(await db().speakers.count()).toBe(0);
  });

  it('keys pages by canonical URL, else by URL without fragment', () => {
    expect(pageKeyOf({ url: 'https://a.example/x#y', canonicalUrl: null })).toBe('https://a.example/x');
    expect(pageKeyOf({ url: 'https://a.example/x?s=1', canonicalUrl: 'https://a.example/x' })).toBe(
      'https://a.example/x',
    );
  });
});

describe('who is who across pages', () => {
  it('merges the forms of one name, keeping the fullest as the name', async () => {
    await ingestPage(db(), page('https://one.example/a', [statement('We will build the road.', 'Trump')]));
    await ingestPage(
      db(),
      page('https://two.example/b', [statement('The road is a priority.', 'President Donald Trump')]),
    );
    await ingestPage(
      db(),
      page('https://three.example/c', [statement('Nobody builds roads like us.', 'Donald Trump')]),
    );
    const speakers = await db().speakers.toArray();
    expect(speakers).toHaveLength(1);
    expect(speakers[0]!.name).toBe('President Donald Trump');
  });

  it('never merges two people who share only a role, nor anonymous sources of different pages', async () => {
    await ingestPage(
      db(),
      page('https://one.example/a', [statement('Talks will resume soon.', 'Secretary of State')]),
    );
    await ingestPage(
      db(),
      page('https://two.example/b', [statement('Talks are over for now.', 'Secretary of State')]),
    );
    await ingestPage(
      db(),
      page('https://one.example/a', [statement('The plan is dead.', 'a senior official')]),
    );
    await ingestPage(
      db(),
      page('https://two.example/b', [statement('The plan is alive.', 'a senior official')]),
    );
    await ingestPage(db(), page('https://three.example/c', [statement('We did nothing wrong.', 'Ada Park')]));
    await ingestPage(
      db(),
      page('https://four.example/d', [statement('We did everything right.', 'Ben Park')]),
    );
    expect(await db().speakers.count()).toBe(6);
  });
});

describe('matching through the indexes', () => {
  // A speaker quoted at length in one interview: a later reprint of an early, short quote with two
  // words changed shares few word sequences and no topic key with it; the speaker channel reaches it.
  it('finds an altered quote of a speaker quoted many times, from an early quote of the interview', async () => {
    const quotes = [
      'I have never seen anything like it in my career.',
      'Nurses have carried this place through a brutal winter.',
      'The funding gap is real, and nobody here is hiding it.',
      'Our waiting lists are shorter than they were last year.',
      'I expect the regional board to back the expansion plan.',
      'Patients deserve a clear answer on the maternity unit.',
      'We are hiring forty more staff before the autumn.',
      'The ambulance handover times must come down further.',
      'Every department has been asked to find modest savings.',
      'I will not close the emergency department at night.',
    ];
    let at = 0;
    await ingestPage(
      db(),
      page(
        'https://one.example/interview',
        quotes.map((q) => {
          const s = statement(q, 'Dr Helen Okafor', at);
          at += q.length + 1;
          return s;
        }),
      ),
    );
    const result = await ingestPage(
      db(),
      page('https://two.example/brief', [
        statement('I have never heard anything like it in my life.', 'Helen Okafor'),
      ]),
    );
    expect(result.statements[0]).toMatchObject({ strongest: { type: 'altered-quote' } });
  });

  // An interviewee quoted more often than the speaker channel's newest statements reach, and a short,
  // casual quote with two words changed: no topic pair and no word sequence is left in common, but
  // the speaker and a word of the quote are (speaker–word keys)
  it('finds an altered quote of an interviewee quoted dozens of times', async () => {
    const lines = [
      "It's honestly grim out there, you know, these days.",
      ...Array.from(
        { length: 24 },
        (_, i) =>
          `Answer number ${i + 1} covers the ${['budget', 'harbour', 'stadium', 'school', 'tram', 'library'][i % 6]} plan for district ${i + 1}.`,
      ),
    ];
    let at = 0;
    await ingestPage(
      db(),
      page(
        'https://one.example/long-interview',
        lines.map((q) => {
          const s = statement(q, 'Nadia Ferro', at);
          at += q.length + 1;
          return s;
        }),
      ),
    );
    const result = await ingestPage(
      db(),
      page('https://two.example/report', [
        statement("It's honestly bleak out there, you see, these days.", 'Nadia Ferro'),
      ]),
    );
    expect(result.statements[0]).toMatchObject({ strongest: { type: 'altered-quote' } });
  });

  it('finds an altered quote, with its word diff from the stored wording to the new one', async () => {
    await ingestPage(
      db(),
      page('https://one.example/a', [
        statement(
          'We were never told about the raid before it happened, and we condemn it.',
          'Mayor Ada Park',
        ),
      ]),
    );
    const result = await ingestPage(
      db(),
      page('https://two.example/b', [
        statement(
          'We were never told about the raid before it happened, and we strongly condemn it.',
          'Ada Park',
        ),
      ]),
    );
    expect(result.statements[0]).toMatchObject({ conflicts: 1, strongest: { type: 'altered-quote' } });
    const altered = await db().relations.where('type').equals('altered-quote').first();
    expect(altered?.diff?.some((op) => op.op === 'insert' && op.words.join(' ') === 'strongly')).toBe(true);
    expect(altered?.reason).toContain('0 words removed and 1 word added: one.example vs two.example');
  });

  it('indexes every statement under its candidate keys', async () => {
    await ingestPage(db(), page('https://one.example/a', [statement(QUOTE, 'Jane Roe')]));
    const row = await db().statements.toCollection().first();
    expect(row!.keys.length).toBeGreaterThan(3);
    expect(new Set(await db().statements.where('keys').anyOf(row!.keys).primaryKeys()).size).toBe(1);
  });
});

describe('archive', () => {
  it('saves a snapshot of a stored statement once, newest first', async () => {
    const result = await ingestPage(db(), page('https://one.example/a', [statement(QUOTE, 'Jane Roe')]));
    const id = result.statements[0]!.statementId;
    const { id: entryId } = await saveStatement(db(), id, { now: 1000 });
    expect((await saveStatement(db(), id, { now: 2000 })).id).toBe(entryId);
    const entries = await archiveEntries(db());
    expect(entries).toHaveLength(1);
    expect(entries[0]!.snapshot).toMatchObject({
      text: QUOTE,
      speaker: 'Jane Roe',
      pageUrl: 'https://one.example/a',
    });
    const view = await pageView(db(), 'https://one.example/a');
    expect(view?.statements[0]?.savedEntryId).toBe(entryId);
  });

  it('refuses to save a statement that is not stored, with a clear message', async () => {
    await expect(saveStatement(db(), 12345)).rejects.toThrow(/No stored statement 12345/);
  });
});

describe('the speaker channel', () => {
  it('relates two statements of one speaker whose shared words are not among their strongest', async () => {
    // Ten names crowd the first statement's strongest topic concepts, so the two statements share
    // no topic pair key and no band: only the speaker makes them candidates.
    const crowded =
      'Oslo, Bergen, Tromsø, Narvik, Bodø, Alta, Molde, Hamar, Skien and Arendal will all see grain tariffs lowered before the harvest.';
    const later = 'Lower tariffs on grain are what farmers asked for.';
    const { matchKeys } = await import('../../utils/match/fingerprint');
    const shared = matchKeys(crowded).filter((k) => matchKeys(later).includes(k));
    expect(shared).toEqual([]);
    await ingestPage(db(), page('https://one.example/a', [statement(crowded, 'Ingrid Haugen')]));
    const second = await ingestPage(db(), page('https://two.example/b', [statement(later, 'Ingrid Haugen')]));
    const relations = await db().relations.where('a').equals(second.statements[0]!.statementId).toArray();
    expect(relations.map((r) => r.type)).toEqual(['same-speaker-topic']);
    expect(relations[0]!.reason).toMatch(/Ingrid Haugen on .*(grain|tariff)/);
  });

  it('does not relate two people who only share a name’s role or an anonymous description', async () => {
    const a = 'Grain tariffs will be lowered before the harvest in every northern county this year.';
    const b = 'Lower grain tariffs are what the farmers of the northern counties asked for.';
    await ingestPage(db(), page('https://one.example/a', [statement(a, 'a senior official')]));
    const second = await ingestPage(db(), page('https://two.example/b', [statement(b, 'a senior official')]));
    const relations = await db().relations.where('a').equals(second.statements[0]!.statementId).toArray();
    expect(relations.filter((r) => r.type === 'same-speaker-topic')).toEqual([]);
  });
});

describe('a page quoting one speaker many times', () => {
  it('gives each statement a bounded number of candidates, not every other statement of the speaker', async () => {
    const quotes = Array.from(
      { length: 200 },
      (_, i) => `The harbour ferry timetable will change in June, number ${i} of our announcements.`,
    ).map((text, i) => statement(text, 'Ingrid Haugen', i * 100));
    const result = await ingestPage(db(), page('https://one.example/a', quotes));
    const relations = await db().relations.count();
    expect(result.statements).toHaveLength(200);
    // All 200 are on one subject; relating every pair would be 19,900 relations.
    expect(relations).toBeGreaterThan(200);
    expect(relations).toBeLessThan(200 * 40);
  }, 30_000);
});

describe('ids written in one go', () => {
  // New statements get their ids only when written; links, relations and summaries must all
  // use the ids they were written under.
  const a = 'The harbour ferry timetable will change in June for every island route.';
  const b = 'The harbour ferry timetable will change in June for every island route, and fares too.';
  const c = 'Fares for island routes are going up by a fifth, the council said.';

  it('links the segments of an utterance by their stored ids and relates none of them to each other', async () => {
    const segments = [
      statement(a, 'Ingrid Haugen'),
      statement(b, 'Ingrid Haugen', 100),
      statement(c, 'Ingrid Haugen', 200),
    ];
    segments[1]!.continues = 0;
    segments[2]!.continues = 1;
    const result = await ingestPage(db(), page('https://one.example/a', segments));
    const ids = result.statements.map((s) => s.statementId);
    const rows = await db().statements.bulkGet(ids);
    expect(rows.map((r) => [r!.continuesId, r!.utteranceId])).toEqual([
      [null, null],
      [ids[0], ids[0]],
      [ids[1], ids[0]],
    ]);
    expect(rows.map((r) => r!.site)).toEqual(['one.example', 'one.example', 'one.example']);
    expect(await db().relations.count()).toBe(0);
  });

  it('links a new segment to one stored on an earlier reading of the page', async () => {
    const first = await ingestPage(db(), page('https://one.example/a', [statement(a, 'Ingrid Haugen')]));
    const more = [statement(a, 'Ingrid Haugen'), statement(c, 'Ingrid Haugen', 100)];
    more[1]!.continues = 0;
    const second = await ingestPage(db(), page('https://one.example/a', more));
    const [old, added] = second.statements.map((s) => s.statementId);
    expect(old).toBe(first.statements[0]!.statementId);
    const row = await db().statements.get(added!);
    expect([row!.continuesId, row!.utteranceId]).toEqual([old, old]);
    expect(await db().statements.count()).toBe(2);
  });

  it('writes relations between two new statements of a page under their stored ids', async () => {
    // Two speakers of one article, each stating the opposite itself.
    const reopen = 'The Lyndon Street bridge will reopen to traffic in May, after two years of repairs.';
    const closed = 'The Lyndon Street bridge will not reopen to traffic in May, after two years of repairs.';
    const result = await ingestPage(
      db(),
      page('https://one.example/a', [
        statement(reopen, 'Ingrid Haugen'),
        statement(closed, 'Per Olsen', 300),
      ]),
    );
    const ids = result.statements.map((s) => s.statementId);
    const relations = await db().relations.toArray();
    expect(relations.map((r) => [r.type, r.a, r.b])).toContainEqual(['contradiction', ids[1], ids[0]]);
    for (const r of relations) expect([r.a, r.b]).toEqual([ids[1], ids[0]]);
    expect(result.statements[1]).toMatchObject({ strongest: { type: 'contradiction' } });
    // The other side of a relation on the same page is the page's own earlier statement.
    expect(result.statements[0]).toMatchObject({
      strongest: { type: 'contradiction', otherSpeaker: 'Per Olsen', otherUrl: 'https://one.example/a' },
    });
    expect(relations.find((r) => r.type === 'contradiction')!.reason).toContain(
      'Ingrid Haugen (one.example)',
    );
  });

  // Pattern: "X denied that Y", read after a report that Y, is stored with its cue and set against
  // the report as a possible conflict that names the denial; the clause is no reprint of the report.
  it('sets a denied clause against the stored claim it denies', async () => {
    const clause = 'the Harlow library would close in March';
    const said = { ...statement(clause, 'Tom Reid'), kind: 'indirect' as const };
    await ingestPage(db(), page('https://one.example/a', [said]));
    const denial = { ...statement(clause, 'Anna Kovacs'), kind: 'indirect' as const, cue: 'denied' };
    const result = await ingestPage(db(), page('https://two.example/b', [denial]));
    const relations = await db().relations.toArray();
    expect(relations.map((r) => r.type)).toEqual(['contradiction']);
    expect(relations[0]!.reason).toContain('Anna Kovacs (two.example) denied: “the Harlow library');
    expect(result.statements[0]).toMatchObject({
      strongest: { type: 'contradiction', otherSpeaker: 'Tom Reid' },
    });
  });

  // Pattern: an article sets one side's account against the other's a paragraph later, in words
  // whose strongest pairs the index does not share: the page channel compares them.
  it('compares a statement with the ones just before it on its page, whoever says them', async () => {
    const result = await ingestPage(
      db(),
      page('https://one.example/a', [
        statement(
          'Engineers from Marlowe Construction and the Aberdeen Port Authority inspected the Kelso footbridge before the flooding.',
          'Ingrid Haugen',
        ),
        statement('The Kelso footbridge was inspected only after the flooding.', 'Per Olsen', 300),
      ]),
    );
    const ids = result.statements.map((s) => s.statementId);
    const relations = await db().relations.toArray();
    expect(relations.map((r) => [r.type, r.a, r.b])).toContainEqual(['contradiction', ids[1], ids[0]]);
  });

  // Pattern: one article printing the same words under two names names one speaker two ways ("the
  // President-elect", "Donald Trump"); a misattribution is between two reports.
  it('takes the same words under two names on one page for one quote printed twice', async () => {
    await ingestPage(
      db(),
      page('https://one.example/a', [statement(a, 'Ingrid Haugen'), statement(`“${a}”`, 'Per Olsen', 300)]),
    );
    const relations = await db().relations.toArray();
    expect(relations.map((r) => r.type)).not.toContain('misattribution');
  });
});

describe('statements stored before they carried their site', () => {
  it('are classified with the site of their page', async () => {
    const quote = 'The harbour ferry timetable will change in June for every island route and every season.';
    const first = await ingestPage(db(), page('https://old.example/a', [statement(quote, 'Ingrid Haugen')]));
    const id = first.statements[0]!.statementId;
    // As an older version stored it: no site on the statement.
    await db()
      .statements.where('id')
      .equals(id)
      .modify((row) => {
        delete row.site;
      });
    expect((await db().statements.get(id))!.site).toBeUndefined();
    await ingestPage(db(), page('https://new.example/b', [statement(quote, 'Per Olsen')]));
    const relation = await db().relations.where('b').equals(id).first();
    expect(relation?.type).toBe('misattribution');
    expect(relation?.reason).toContain('old.example says Ingrid Haugen, new.example says Per Olsen');
  });
});
