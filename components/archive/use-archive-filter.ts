// The archive's search and filter state (query, facets, kind, dates, sort) and how many results are shown.
import { useState } from 'preact/hooks';
import { type ArchiveFilter, dayEnd, dayStart, EMPTY_FILTER } from '@/utils/store/archive-search';

/** How many entries are rendered at first; more on request, so 10,000 entries stay fast. */
const PAGE = 100;

export interface ArchiveFilterState {
  filter: ArchiveFilter;
  /** The date fields as typed (the filter holds the day's start and end). */
  fromText: string;
  toText: string;
  /** How many of the results are rendered. */
  limit: number;
  /** Changes part of the filter; the list starts again at its first page. */
  update: (patch: Partial<ArchiveFilter>) => void;
  setFromText: (text: string) => void;
  setToText: (text: string) => void;
  showMore: () => void;
}

export function useArchiveFilter(): ArchiveFilterState {
  const [filter, setFilter] = useState<ArchiveFilter>(EMPTY_FILTER);
  const [fromText, setFrom] = useState('');
  const [toText, setTo] = useState('');
  const [limit, setLimit] = useState(PAGE);

  function update(patch: Partial<ArchiveFilter>) {
    setFilter((f) => ({ ...f, ...patch }));
    setLimit(PAGE);
  }

  return {
    filter,
    fromText,
    toText,
    limit,
    update,
    setFromText: (text) => {
      setFrom(text);
      update({ from: dayStart(text) });
    },
    setToText: (text) => {
      setTo(text);
      update({ to: dayEnd(text) });
    },
    showMore: () => setLimit(limit + PAGE * 5),
  };
}
