// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../components/PopupApp';
import { displayOps, WordDiff } from '../../components/WordDiff';
import type { StatementPayload } from '../../utils/domain';
import { CONFLICT_OPERATING_POINT } from '../../utils/match/calibration';
import { wordDiff } from '../../utils/match/diff';
import type { IngestPage } from '../../utils/messages';
import { ingestPage } from '../../utils/store/writes';
import { useTestStore } from '../helpers/store';

const db = useTestStore('popup');
let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function statement(text: string, speaker: string | null, start = 0): StatementPayload {
  return {
    text,
    kind: 'direct',
    start,
    end: start + text.length,
    speaker: speaker ? { name: speaker, mention: speaker.split(' ').pop()!, mentionStart: -1 } : null,
    cue: 'said',
    continues: null,
    prefix: 'the mayor said: ',
    suffix: ' She left.',
  };
}

function page(url: string, statements: StatementPayload[]): IngestPage {
  return {
    type: 'ingest-page',
    page: {
      url,
      canonicalUrl: null,
      title: `Title of ${url}`,
      site: new URL(url).hostname,
      publishedAt: '2025-05-06',
    },
    statements,
  };
}

const ALTERED_A = 'We were never told about the raid before it happened, and we condemn it.';
const ALTERED_B = 'We were never told about the raid before it happened, and we strongly condemn it.';

async function seed() {
  await ingestPage(db(), page('https://one.example/a', [statement(ALTERED_A, 'Mayor Ada Park')]));
  await ingestPage(
    db(),
    page('https://two.example/b', [
      statement('Taxes will stay low this year.', 'Ben Ode', 0),
      statement('We will build more homes.', 'Ben Ode', 40),
      statement(ALTERED_B, 'Ada Park', 80),
      statement('Nobody knows who wrote this.', null, 200),
    ]),
  );
}

const $ = (sel: string) => root.querySelector(sel);
const $$ = (sel: string) => [...root.querySelectorAll(sel)];

describe('PopupApp', () => {
  it('groups statements by speaker with counts, the group with a conflict first; the speaker link uses the canonical name', async () => {
    await seed();
    render(<PopupApp db={db()} pageUrl="https://two.example/b" archiveUrl="archive.html" />, root);
    await vi.waitFor(() => expect($$('.group')).toHaveLength(3));
    expect($$('.group__head').map((h) => h.textContent)).toEqual([
      // The name this article gives; the speaker view knows the fullest form read anywhere.
      'Ada Park 1 statement · 1 conflicting',
      'Ben Ode 2 statements',
      'Speaker not named 1 statement',
    ]);
    expect($('.group a.group__link')?.getAttribute('href')).toBe('archive.html?speaker=Mayor%20Ada%20Park');
  });

  it('expands a statement to its related statements with source, date, reason and a word diff', async () => {
    await seed();
    render(<PopupApp db={db()} pageUrl="https://two.example/b" archiveUrl="archive.html" />, root);
    await vi.waitFor(() => expect($('.statement--conflict')).not.toBeNull());
    const item = $('.statement--conflict')!;
    const toggle = item.querySelector<HTMLButtonElement>('.statement__toggle')!;
    const details = item.querySelector<HTMLElement>('.statement__details')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(details.hidden).toBe(true);
    expect(toggle.getAttribute('aria-controls')).toBe(details.id);
    toggle.click();
    await vi.waitFor(() => expect(details.hidden).toBe(false));
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const related = item.querySelector('.related__item[data-relation-type="altered-quote"]')!;
    expect(related.querySelector('.related__text')?.textContent).toBe(ALTERED_A);
    expect(related.querySelector('.related__speaker')?.textContent).toBe('Mayor Ada Park');
    expect(related.querySelector('.related__site')?.textContent).toBe('one.example');
    expect(related.querySelector('.related__date')?.textContent).toMatch(/2025/);
    expect(related.querySelector('.related__reason')?.textContent).toContain('1 word added');
    const href = related.querySelector('a.related__source')?.getAttribute('href') ?? '';
    expect(href.startsWith('https://one.example/a#:~:text=mayor%20said%3A-,We%20were%20never')).toBe(true);
    expect(related.querySelector('.diff__ins')?.textContent).toBe('[added: strongly]');
    expect(related.querySelectorAll('.diff__del')).toHaveLength(0);
  });

  it('saves a statement with a note and tags', async () => {
    await seed();
    render(<PopupApp db={db()} pageUrl="https://two.example/b" archiveUrl="archive.html" />, root);
    await vi.waitFor(() => expect($$('.statement')).toHaveLength(4));
    const item = $$('.statement').find((li) => li.textContent?.includes('Taxes'))!;
    item.querySelector<HTMLButtonElement>('.statement__toggle')!.click();
    await vi.waitFor(() => expect(item.querySelector('textarea')).not.toBeNull());
    const note = item.querySelector('textarea')!;
    note.value = 'Check the budget';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    const tags = item.querySelector<HTMLInputElement>('.save-form input')!;
    tags.value = 'economy, budget, economy';
    tags.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((ok) => setTimeout(ok, 0)); // let Preact re-render, as between keystrokes and a click
    [...item.querySelectorAll('button')].find((b) => b.textContent === 'Save to archive')!.click();
    await vi.waitFor(async () => expect(await db().archive.count()).toBe(1));
    const entry = (await db().archive.toArray())[0]!;
    expect(entry.note).toBe('Check the budget');
    expect(entry.tags).toEqual(['economy', 'budget']);
    await vi.waitFor(() => expect(item.querySelector('.saved')?.textContent).toBe('Saved to archive'));
  });

  it('explains each empty state', async () => {
    const state = async (props: Partial<Parameters<typeof PopupApp>[0]>) => {
      render(<PopupApp db={db()} pageUrl="https://x.example/" archiveUrl="a.html" {...props} />, root);
      await vi.waitFor(() => expect($('[data-state]')).not.toBeNull());
      const s = $('[data-state]')!.getAttribute('data-state');
      render(null, root);
      return s;
    };
    expect(await state({ pageUrl: null })).toBe('restricted');
    expect(await state({})).toBe('empty-store');
    expect(await state({ pageStatus: 'not-article' })).toBe('not-article');
    // An article without quotations: "none found", even before anything was ever stored.
    expect(await state({ pageStatus: 'no-statements' })).toBe('no-statements');
    expect(await state({ autoCollect: false })).toBe('collect-off');
    expect(await state({ pageStatus: 'excluded' })).toBe('excluded');
    // The page found statements, the store has none of them (storing failed): not "none found".
    expect(await state({ pageStatus: 'article' })).toBe('not-stored');
    await seed();
    expect(await state({ pageStatus: 'article' })).toBe('not-stored');
    expect(await state({})).toBe('no-statements');
  });

  it('says why a page was not read and reads it anyway when asked, for the site if chosen', async () => {
    const asked: boolean[] = [];
    render(
      <PopupApp
        db={db()}
        pageUrl="https://journal.example/fr/pont"
        archiveUrl="a.html"
        pageStatus="not-article"
        pageReason="not English"
        onReadAnyway={async (remember) => {
          asked.push(remember);
        }}
      />,
      root,
    );
    await vi.waitFor(() => expect($('[data-state="not-article"]')).not.toBeNull());
    expect($('[data-state="not-article"]')!.textContent).toContain('not in English');
    expect($('[data-state="not-article"]')!.textContent).toContain('not supported');
    const box = $('[data-state="not-article"] input[type="checkbox"]') as HTMLInputElement;
    expect(box.parentElement!.textContent).toContain('journal.example');
    box.checked = true;
    box.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((ok) => setTimeout(ok, 0));
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Read this page anyway')!.click();
    await vi.waitFor(() => expect(asked).toEqual([true]));
    render(null, root);
    // another reason, in the reader's terms
    render(
      <PopupApp
        db={db()}
        pageUrl="https://x.example/"
        archiveUrl="a.html"
        pageStatus="not-article"
        pageReason="too little running text"
      />,
      root,
    );
    await vi.waitFor(() =>
      expect($('[data-state="not-article"]')!.textContent).toContain('too little running text'),
    );
    expect([...root.querySelectorAll('button')].some((b) => b.textContent === 'Read this page anyway')).toBe(
      false,
    );
    render(null, root);
    // the genre judgement's reasons, each in the reader's terms (issue 14, point 3)
    for (const [reason, words] of [
      ['discussion thread', 'posts by many users'],
      ['scholarly paper', 'scholarly paper'],
      ['record', 'registry entry'],
      ['listing', 'not running text'],
      ['wiki page', 'wiki page'],
    ]) {
      render(
        <PopupApp
          db={db()}
          pageUrl="https://x.example/"
          archiveUrl="a.html"
          pageStatus="not-article"
          pageReason={reason}
        />,
        root,
      );
      await vi.waitFor(() => expect($('[data-state="not-article"]')!.textContent).toContain(words));
      render(null, root);
    }
  });

  it('says in one line when the page is waiting for the store, or could not reach it', async () => {
    const line = async (pageStore: 'sending' | 'answered' | 'waiting' | 'unreachable') => {
      render(
        <PopupApp
          db={db()}
          pageUrl="https://x.example/"
          archiveUrl="a.html"
          pageStatus="article"
          pageStore={pageStore}
        />,
        root,
      );
      await vi.waitFor(() => expect($('[data-state="not-stored"]')).not.toBeNull());
      const notice = $('[data-state^="store-"]');
      const text = notice ? `${notice.getAttribute('data-state')}: ${notice.textContent}` : null;
      render(null, root);
      return text;
    };
    expect(await line('waiting')).toMatch(/^store-waiting: .*not stored yet.*trying again/);
    expect(await line('unreachable')).toMatch(
      /^store-unreachable: .*could not reach its store.*page changes/,
    );
    expect(await line('sending')).toBeNull();
    expect(await line('answered')).toBeNull();
  });
});

describe('PopupApp when the article could not be read', () => {
  it('says in one line why the page is not highlighted, instead of "found but not stored"', async () => {
    const line = async (pageReading?: 'waiting' | 'unreachable' | 'refused') => {
      render(
        <PopupApp
          db={db()}
          pageUrl="https://x.example/"
          archiveUrl="a.html"
          pageStatus="article"
          {...(pageReading ? { pageReading } : {})}
        />,
        root,
      );
      await vi.waitFor(() => expect($('[data-state]')).not.toBeNull());
      const states = [...document.querySelectorAll('[data-state]')].map(
        (e) => `${e.getAttribute('data-state')}: ${e.textContent}`,
      );
      render(null, root);
      return states;
    };
    expect(await line('waiting')).toEqual([
      expect.stringMatching(/^reading-waiting: .*did not answer.*not highlighted yet.*trying again/),
    ]);
    expect(await line('unreachable')).toEqual([
      expect.stringMatching(/^reading-unreachable: .*not highlighted.*page changes/),
    ]);
    expect(await line('refused')).toEqual([
      expect.stringMatching(/^reading-refused: .*could not read the quotations.*highlighted none/),
    ]);
    expect(await line()).toEqual([expect.stringMatching(/^not-stored: /)]);
  });
});

describe('PopupApp with auto-collect off', () => {
  const pageMeta = {
    url: 'https://three.example/c',
    canonicalUrl: null,
    title: 'Council votes on the bridge',
    site: 'Three Daily',
    publishedAt: '2025-05-07',
  };
  const detected = {
    ok: true as const,
    page: pageMeta,
    statements: [
      { text: 'The bridge will reopen in May.', kind: 'direct' as const, speaker: 'Ada Park', cue: 'said' },
      { text: 'the budget was never approved', kind: 'indirect' as const, speaker: 'Ben Ode', cue: 'said' },
      { text: 'We will vote again.', kind: 'direct' as const, speaker: 'Ada Park', cue: 'added' },
    ],
  };

  it("lists the page's statements by speaker and saves one with a note and tags, storing nothing else", async () => {
    render(
      <PopupApp
        db={db()}
        pageUrl={`${pageMeta.url}#top`}
        archiveUrl="archive.html"
        autoCollect={false}
        detected={detected}
      />,
      root,
    );
    await vi.waitFor(() => expect($$('.statement')).toHaveLength(3));
    expect($('[data-state="collect-off"]')?.textContent).toContain('Auto-collect is off');
    expect($$('.group__head').map((h) => h.textContent)).toEqual([
      'Ada Park 2 statements',
      'Ben Ode 1 statement',
    ]);
    const item = $$('.statement').find((li) => li.textContent?.includes('budget'))!;
    item.querySelector<HTMLButtonElement>('.statement__toggle')!.click();
    await vi.waitFor(() =>
      expect(item.querySelector<HTMLElement>('.statement__details')?.hidden).toBe(false),
    );
    const note = item.querySelector('textarea')!;
    note.value = 'Ask the council';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    const tags = item.querySelector<HTMLInputElement>('.save-form input')!;
    tags.value = 'budget, council';
    tags.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((ok) => setTimeout(ok, 0));
    [...item.querySelectorAll('button')].find((b) => b.textContent === 'Save to archive')!.click();
    await vi.waitFor(() => expect(item.querySelector('.saved')?.textContent).toBe('Saved to archive'));
    const entries = await db().archive.toArray();
    expect(entries).toEqual([
      {
        id: 1,
        statementId: null,
        snapshot: {
          text: 'the budget was never approved',
          kind: 'indirect',
          speaker: 'Ben Ode',
          cue: 'said',
          pageUrl: 'https://three.example/c',
          pageTitle: 'Council votes on the bridge',
          site: 'Three Daily',
          publishedAt: '2025-05-07',
        },
        note: 'Ask the council',
        tags: ['budget', 'council'],
        savedAt: expect.any(Number),
      },
    ]);
    expect(await db().statements.count()).toBe(0);
    expect(await db().pages.count()).toBe(0);
    // The other statements can still be saved; opened again, the popup knows which one is saved.
    render(null, root);
    render(
      <PopupApp
        db={db()}
        pageUrl={pageMeta.url}
        archiveUrl="archive.html"
        autoCollect={false}
        detected={detected}
      />,
      root,
    );
    await vi.waitFor(() => expect($$('.saved')).toHaveLength(1));
    expect(
      $$('.statement')
        .filter((li) => li.querySelector('.saved'))
        .map((li) => li.getAttribute('data-detected-index')),
    ).toEqual(['1']);
  });

  it('says collection is off when the page cannot list its statements', async () => {
    render(<PopupApp db={db()} pageUrl={pageMeta.url} archiveUrl="archive.html" autoCollect={false} />, root);
    await vi.waitFor(() => expect($('[data-state]')?.getAttribute('data-state')).toBe('collect-off'));
    expect($$('.statement')).toHaveLength(0);
  });
});

describe('WordDiff', () => {
  it('shows removed and added words in order, with text labels', () => {
    const ops = displayOps(wordDiff('the quick brown fox', 'the slow brown fox jumps'));
    expect(ops).toEqual([
      { op: 'equal', text: 'the' },
      { op: 'delete', text: 'quick' },
      { op: 'insert', text: 'slow' },
      { op: 'equal', text: 'brown fox' },
      { op: 'insert', text: 'jumps' },
    ]);
    render(<WordDiff ops={ops} />, root);
    expect(root.querySelector('.diff')?.textContent).toBe(
      'Changes in wording: the [removed: quick] [added: slow] brown fox [added: jumps]',
    );
    expect(root.querySelectorAll('del')).toHaveLength(1);
    expect(root.querySelectorAll('ins')).toHaveLength(2);
  });

  it('shows words printed differently as removed and added', () => {
    expect(displayOps(wordDiff('a Sovereign Nation indeed', 'a sovereign nation indeed'))).toEqual([
      { op: 'equal', text: 'a' },
      { op: 'delete', text: 'Sovereign Nation' },
      { op: 'insert', text: 'sovereign nation' },
      { op: 'equal', text: 'indeed' },
    ]);
  });

  it('renders page text as text, never as markup', () => {
    render(<WordDiff ops={[{ op: 'insert', text: '<img src=x onerror=alert(1)>' }]} />, root);
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('PopupApp and a contradiction under the operating point', () => {
  // Shown among the related statements as "May disagree", not as a conflict (match/calibration.ts).
  it('lists it without the conflict marks, and marks one at the operating point', async () => {
    const one = await ingestPage(
      db(),
      page('https://one.example/a', [statement('The ferry will run all winter.', 'Ada Park')]),
    );
    const two = await ingestPage(
      db(),
      page('https://two.example/b', [
        statement('Winter sailings are cancelled.', 'Ben Ode'),
        statement('The quay is closed until May.', 'Cy Moe', 100),
      ]),
    );
    const b = one.statements[0]!.statementId;
    const [under, over] = two.statements.map((s) => s.statementId);
    const row = (a: number, score: number) => ({
      a,
      b,
      type: 'contradiction' as const,
      score,
      reason: 'winter',
      createdAt: 1,
    });
    await db().relations.bulkAdd([
      row(under!, CONFLICT_OPERATING_POINT - 0.1),
      row(over!, CONFLICT_OPERATING_POINT),
    ]);
    render(<PopupApp db={db()} pageUrl="https://two.example/b" archiveUrl="archive.html" />, root);
    await vi.waitFor(() => expect($$('.group')).toHaveLength(2));
    expect($$('.group__head').map((h) => h.textContent)).toEqual([
      'Cy Moe 1 statement · 1 conflicting',
      'Ben Ode 1 statement',
    ]);
    const [overItem, underItem] = $$('.statement');
    expect(overItem!.classList.contains('statement--conflict')).toBe(true);
    expect(underItem!.classList.contains('statement--conflict')).toBe(false);
    expect(underItem!.querySelector('.statement__toggle')!.textContent).toBe('Show 1 related');
    const badge = (item: Element) => item.querySelector('.related__item .badge')!;
    expect(badge(underItem!).textContent).toBe('May disagree');
    expect(badge(underItem!).classList.contains('badge--conflict')).toBe(false);
    expect(underItem!.querySelector('.related__item--conflict')).toBeNull();
    expect(badge(overItem!).textContent).toBe('Possible conflict');
    expect(badge(overItem!).classList.contains('badge--conflict')).toBe(true);
  });
});
