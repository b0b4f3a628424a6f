import { useState } from 'preact/hooks';
import { wordDiff } from '@/utils/match/diff';
import { isConflict } from '@/utils/match/relate';
import { textFragmentUrl } from '@/utils/page/text-fragment';
import { parseTags } from '@/utils/store/archive';
import type { RelatedStatement, StatementView } from '@/utils/store/queries';
import { UNATTRIBUTED } from '../utils/store/archive-search';
import { formatDay, siteLabel } from './format';
import { reasonShown, relationLabel } from './labels';
import { NoteAndTags, StatementHeader } from './StatementParts';
import { displayOps, WordDiff } from './WordDiff';

export interface StatementItemProps {
  view: StatementView;
  onSave: (statementId: number, note: string, tags: string[]) => void;
  /** Open the details (related statements, note and tags) from the start. */
  initiallyOpen?: boolean;
}

/** The word diff of an altered quote, earlier printing (`b`) to later (`a`). */
function diffOf({ relation, statement: other }: RelatedStatement, self: StatementView['statement']) {
  if (relation.diff) return displayOps(relation.diff);
  const [earlier, later] = relation.a === self.id ? [other.text, self.text] : [self.text, other.text];
  return displayOps(wordDiff(earlier, later));
}

function RelatedItem({ item, self }: { item: RelatedStatement; self: StatementView['statement'] }) {
  const { relation, statement: other, page } = item;
  const conflict = isConflict(relation);
  const when = page?.publishedAt
    ? formatDay(page.publishedAt)
    : page
      ? `read ${formatDay(page.firstReadAt)}`
      : '';
  return (
    <li
      class={`related__item related__item--${relation.type}${conflict ? ' related__item--conflict' : ''}`}
      data-relation-type={relation.type}
    >
      <span class={`badge${conflict ? ' badge--conflict' : ''}`}>
        {relationLabel(relation.type, conflict)}
      </span>
      <blockquote class="related__text">{other.text}</blockquote>
      <span class="related__speaker">{other.speakerName ?? UNATTRIBUTED}</span>
      {page ? (
        <a
          class="related__source"
          href={textFragmentUrl(page.url, other.text, { prefix: other.prefix, suffix: other.suffix })}
          target="_blank"
          rel="noreferrer"
        >
          {page.title || page.url}
        </a>
      ) : null}
      {page ? <span class="related__site">{siteLabel(page.site, page.url)}</span> : null}
      {when ? <span class="related__date">{when}</span> : null}
      {relation.type === 'altered-quote' ? (
        <WordDiff ops={diffOf(item, self)} label="Wording, earlier printing to later printing" />
      ) : null}
      <span class="related__reason">{reasonShown(relation.reason)}</span>
    </li>
  );
}

/** One statement of the page: who said it, how, and what else the store knows about these words. */
export function StatementItem({ view, onSave, initiallyOpen = false }: StatementItemProps) {
  const { statement, related } = view;
  const [open, setOpen] = useState(initiallyOpen);
  const [note, setNote] = useState('');
  const [tags, setTags] = useState('');
  const detailsId = `statement-${statement.id}-details`;
  const saved = view.savedEntryId !== null;
  const toggleLabel = open
    ? 'Hide details'
    : related.length > 0
      ? `Show ${related.length} related${view.conflicts > 0 ? ` (${view.conflicts} conflicting)` : ''}`
      : saved
        ? 'Details'
        : 'Add note and tags';
  return (
    <li
      class={`statement${view.conflicts > 0 ? ' statement--conflict' : ''}`}
      data-statement-id={statement.id}
    >
      <StatementHeader
        text={statement.text}
        kind={statement.kind}
        speaker={statement.speakerName}
        cue={statement.cue}
      />
      <div class="statement__actions">
        <button
          type="button"
          class="button button--quiet statement__toggle"
          aria-expanded={open}
          aria-controls={detailsId}
          onClick={() => setOpen(!open)}
        >
          {toggleLabel}
        </button>
        {saved ? (
          <span class="saved" role="status">
            Saved to archive
          </span>
        ) : (
          <button type="button" class="button" onClick={() => onSave(statement.id, note, parseTags(tags))}>
            Save to archive
          </button>
        )}
      </div>
      <div id={detailsId} class="statement__details" hidden={!open}>
        {related.length > 0 ? (
          <ul class="related" aria-label="Related statements">
            {related.map((item) => (
              <RelatedItem key={item.relation.id} item={item} self={statement} />
            ))}
          </ul>
        ) : (
          <p class="empty">No related statement in what you have read so far.</p>
        )}
        {saved ? null : (
          <div class="save-form">
            <NoteAndTags note={note} tags={tags} onNote={setNote} onTags={setTags} />
          </div>
        )}
      </div>
    </li>
  );
}
