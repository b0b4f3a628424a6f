import { useState } from 'preact/hooks';
import type { StatementKind } from '@/utils/extract/types';
import type { SelectionCapture } from '@/utils/messages';
import { describeSave, parseTags, type SaveResult } from '@/utils/store/archive';
import type { SaywhoDb } from '@/utils/store/db';
import { saveCapture } from '@/utils/store/writes';
import { siteLabel } from './format';
import { KIND_LABEL } from './labels';

export interface CaptureAppProps {
  db: SaywhoDb;
  /** The selection to save; null when the page was opened without a valid one. */
  capture: SelectionCapture | null;
  archiveUrl: string;
}

/** "Save selection to Saywho": the selected words, their speaker (prefilled when Saywho detected one), a note and tags. */
export function CaptureApp({ db, capture, archiveUrl }: CaptureAppProps) {
  const [text, setText] = useState(capture?.text ?? '');
  const [speaker, setSpeaker] = useState(capture?.speaker ?? '');
  const [kind, setKind] = useState<StatementKind>(capture?.kind ?? 'direct');
  const [note, setNote] = useState('');
  const [tags, setTags] = useState('');
  const [state, setState] = useState<
    | { status: 'editing' }
    | { status: 'saving' }
    | { status: 'saved'; result: SaveResult }
    | { status: 'error'; error: string }
  >({ status: 'editing' });

  if (!capture) {
    return (
      <main class="capture">
        <h1>Save selection to Saywho</h1>
        <p class="empty" data-state="no-selection">
          There is no selection to save. Select words on a web page, then choose “Save selection to Saywho”
          from the context menu or press Alt+Shift+S.
        </p>
      </main>
    );
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (!capture) return;
    setState({ status: 'saving' });
    try {
      const result = await saveCapture(db, {
        statementId: capture.statementId,
        snapshot: {
          text,
          kind,
          speaker: speaker.trim() || null,
          cue: capture.cue,
          pageUrl: capture.page.url,
          pageTitle: capture.page.title,
          site: capture.page.site,
          publishedAt: capture.page.publishedAt,
        },
        note,
        tags: parseTags(tags),
      });
      setState({ status: 'saved', result });
    } catch (error) {
      setState({ status: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <main class="capture">
      <h1>Save selection to Saywho</h1>
      <p class="capture__source">
        From <span class="capture__title">{capture.page.title || capture.page.url}</span> ·{' '}
        {siteLabel(capture.page.site, capture.page.url)}
      </p>
      <form class="capture__form" onSubmit={submit}>
        <label class="field">
          <span class="field__label">Quote</span>
          <textarea
            class="field__input"
            name="text"
            rows={5}
            required
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span class="field__label">Speaker</span>
          <input
            class="field__input"
            name="speaker"
            value={speaker}
            aria-describedby="speaker-hint"
            onInput={(e) => setSpeaker(e.currentTarget.value)}
          />
          <span class="field__hint" id="speaker-hint" data-detected={capture.speaker !== null}>
            {capture.speaker !== null
              ? 'Detected by Saywho on the page; correct it if needed.'
              : 'Saywho did not detect a speaker for this selection: type who said it, or leave it empty.'}
          </span>
        </label>
        <label class="field">
          <span class="field__label">Kind</span>
          <select
            class="field__input"
            name="kind"
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as StatementKind)}
          >
            {(Object.keys(KIND_LABEL) as StatementKind[]).map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span class="field__label">Note</span>
          <textarea
            class="field__input"
            name="note"
            rows={3}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span class="field__label">Tags (comma separated)</span>
          <input
            class="field__input"
            name="tags"
            value={tags}
            onInput={(e) => setTags(e.currentTarget.value)}
          />
        </label>
        <div class="capture__actions">
          <button
            type="submit"
            class="button button--primary"
            disabled={state.status === 'saving' || state.status === 'saved'}
          >
            Save to archive
          </button>
          <a href={archiveUrl}>Open the archive</a>
        </div>
        <div aria-live="polite">
          {state.status === 'saved' ? (
            // A quote already archived is not saved twice: the note and tags join its entry, and the reader is told.
            <p
              class="saved"
              data-state={state.result.alreadySaved ? 'already-saved' : 'saved'}
              data-entry-id={state.result.id}
            >
              {describeSave(state.result)}
            </p>
          ) : null}
          {state.status === 'error' ? (
            <p class="error" role="alert">
              {state.error}
            </p>
          ) : null}
        </div>
      </form>
    </main>
  );
}
