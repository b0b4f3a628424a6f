// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CaptureApp } from '../../components/CaptureApp';
import type { SelectionCapture } from '../../utils/messages';
import { saveCapture } from '../../utils/store/writes';
import { useTestStore } from '../helpers/store';

const db = useTestStore('capture-app');
let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const page = {
  url: 'https://news.example/story',
  canonicalUrl: null,
  title: 'Council votes on the bridge',
  site: 'News Example',
  publishedAt: '2025-05-07',
};

function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

const field = <T extends Element>(name: string) => root.querySelector<T>(`[name="${name}"]`)!;

describe('CaptureApp', () => {
  it('lets the reader name the speaker Saywho did not detect, and saves the quote with it', async () => {
    const capture: SelectionCapture = {
      text: 'We will vote again before the summer.',
      speaker: null,
      kind: 'direct',
      cue: null,
      statementId: null,
      page,
    };
    render(<CaptureApp db={db()} capture={capture} archiveUrl="archive.html" />, root);
    const speaker = field<HTMLInputElement>('speaker');
    expect(speaker.value).toBe('');
    expect(speaker.readOnly || speaker.disabled).toBe(false);
    expect(root.querySelector('#speaker-hint')?.textContent).toContain('did not detect a speaker');
    type(speaker, '  Ada Park ');
    type(field<HTMLTextAreaElement>('note'), 'Heard at the council meeting');
    type(field<HTMLInputElement>('tags'), 'council, vote');
    await new Promise((ok) => setTimeout(ok, 0));
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await vi.waitFor(() => expect(root.querySelector('[data-state="saved"]')).not.toBeNull());
    expect(await db().archive.toArray()).toEqual([
      {
        id: Number(root.querySelector('[data-state="saved"]')!.getAttribute('data-entry-id')),
        statementId: null,
        snapshot: {
          text: 'We will vote again before the summer.',
          kind: 'direct',
          speaker: 'Ada Park',
          cue: null,
          pageUrl: 'https://news.example/story',
          pageTitle: 'Council votes on the bridge',
          site: 'News Example',
          publishedAt: '2025-05-07',
        },
        note: 'Heard at the council meeting',
        tags: ['council', 'vote'],
        savedAt: expect.any(Number),
      },
    ]);
  });

  it('prefills a detected speaker, which the reader may correct', async () => {
    const capture: SelectionCapture = {
      text: 'reopen in May',
      speaker: 'Park',
      kind: 'partial',
      cue: 'said',
      statementId: 999,
      page,
    };
    render(<CaptureApp db={db()} capture={capture} archiveUrl="archive.html" />, root);
    const speaker = field<HTMLInputElement>('speaker');
    expect(speaker.value).toBe('Park');
    expect(root.querySelector('#speaker-hint')?.textContent).toContain('Detected by Saywho');
    type(speaker, 'Ada Park');
    await new Promise((ok) => setTimeout(ok, 0));
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await vi.waitFor(() => expect(root.querySelector('[data-state="saved"]')).not.toBeNull());
    const [entry] = await db().archive.toArray();
    // Statement 999 is not in this store: the quote is kept as captured by hand.
    expect(entry).toMatchObject({
      statementId: null,
      snapshot: { speaker: 'Ada Park', kind: 'partial', cue: 'said' },
    });
  });

  describe('a quote the archive already holds', () => {
    const capture: SelectionCapture = {
      text: 'We will vote again before the summer.',
      speaker: 'Ada Park',
      kind: 'direct',
      cue: 'said',
      statementId: null,
      page,
    };
    const snapshot = {
      text: capture.text,
      kind: capture.kind,
      speaker: capture.speaker,
      cue: capture.cue,
      pageUrl: page.url,
      pageTitle: page.title,
      site: page.site,
      publishedAt: page.publishedAt,
    };

    async function submit(note: string, tags: string) {
      render(<CaptureApp db={db()} capture={capture} archiveUrl="archive.html" />, root);
      type(field<HTMLTextAreaElement>('note'), note);
      type(field<HTMLInputElement>('tags'), tags);
      await new Promise((ok) => setTimeout(ok, 0));
      root.querySelector<HTMLFormElement>('form')!.requestSubmit();
      await vi.waitFor(() => expect(root.querySelector('[data-state="already-saved"]')).not.toBeNull());
      return root.querySelector('[data-state="already-saved"]')!;
    }

    it('adds the new note and tags to its entry and says so', async () => {
      const { id } = await saveCapture(db(), {
        statementId: null,
        snapshot,
        note: 'Heard at the council meeting',
        tags: ['council'],
      });
      const outcome = await submit('Repeated in the radio interview', 'council, radio');
      expect(outcome.textContent).toBe('Already saved: note and tags added.');
      expect(outcome.getAttribute('data-entry-id')).toBe(String(id));
      expect(await db().archive.toArray()).toEqual([
        expect.objectContaining({
          id,
          note: 'Heard at the council meeting\n\nRepeated in the radio interview',
          tags: ['council', 'radio'],
        }),
      ]);
    });

    it('says it was already saved when there is nothing new to add', async () => {
      await saveCapture(db(), {
        statementId: null,
        snapshot,
        note: 'Heard at the council meeting',
        tags: ['council'],
      });
      const outcome = await submit('Heard at the council meeting', 'Council');
      expect(outcome.textContent).toBe('Already saved.');
      expect(await db().archive.toArray()).toEqual([
        expect.objectContaining({ note: 'Heard at the council meeting', tags: ['council'] }),
      ]);
    });
  });
});
