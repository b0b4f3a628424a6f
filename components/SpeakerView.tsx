import { isWebUrl } from '@/utils/domain';
import { textFragmentUrl } from '@/utils/page/text-fragment';
import type { SaywhoDb } from '@/utils/store/db';
import { speakerTimeline } from '@/utils/store/queries';
import { formatDay, machineDate, siteLabel } from './format';
import { KIND_LABEL } from './labels';
import { useLiveQuery } from './use-live-query';

/** Everything one speaker said that Saywho knows of, oldest first, conflicts marked. */
export function SpeakerView({ db, speaker, baseUrl }: { db: SaywhoDb; speaker: string; baseUrl: string }) {
  const items = useLiveQuery(() => speakerTimeline(db, speaker), [speaker]);
  const conflicts = items.status === 'ready' ? items.value.filter((i) => i.conflicts > 0).length : 0;
  return (
    <main class="archive speaker-view">
      <nav class="crumbs" aria-label="Breadcrumb">
        <a href={baseUrl}>Archive</a> › <span aria-current="page">{speaker}</span>
      </nav>
      <h1>Everything {speaker} said</h1>
      {items.status === 'loading' ? <p class="empty">Loading…</p> : null}
      {items.status === 'error' ? <p class="empty error">Could not read the store: {items.error}</p> : null}
      {items.status === 'ready' && items.value.length === 0 ? (
        <p class="empty" data-state="no-speaker">
          Saywho has nothing from {speaker} yet.
        </p>
      ) : null}
      {items.status === 'ready' && items.value.length > 0 ? (
        <>
          <p class="results-count">
            {items.value.length} statement{items.value.length === 1 ? '' : 's'}
            {conflicts > 0 ? `, ${conflicts} with possible conflicts` : ''}, oldest first
          </p>
          <ol class="timeline">
            {items.value.map((i) => (
              <li
                key={i.key}
                class={`timeline__item${i.conflicts > 0 ? ' timeline__item--conflict' : ''}`}
                data-conflicts={i.conflicts}
              >
                <time class="timeline__date" dateTime={machineDate(i.at)}>
                  {formatDay(i.at)}
                </time>
                <blockquote class="entry__text">{i.text}</blockquote>
                <p class="entry__meta">
                  {KIND_LABEL[i.kind]} ·{' '}
                  {/* Only http(s) is linked: another address an import or an older version left is text. */}
                  {isWebUrl(i.pageUrl) ? (
                    <a
                      href={textFragmentUrl(i.pageUrl, i.text, { prefix: i.prefix, suffix: i.suffix })}
                      target="_blank"
                      rel="noreferrer"
                    >
                      {i.pageTitle || i.pageUrl}
                    </a>
                  ) : i.pageTitle || i.pageUrl ? (
                    <span>{i.pageTitle || i.pageUrl}</span>
                  ) : null}
                  {i.site ? ` · ${siteLabel(i.site, i.pageUrl)}` : ''}
                  {i.conflicts > 0 ? (
                    <span class="badge badge--conflict">
                      {' '}
                      · {i.conflicts} possible conflict{i.conflicts === 1 ? '' : 's'}
                    </span>
                  ) : null}
                  {i.related > 0 ? <span class="badge"> · {i.related} related</span> : null}
                  {i.saved ? <span class="saved"> · saved</span> : null}
                </p>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </main>
  );
}
