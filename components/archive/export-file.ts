// Exporting archive entries as a downloaded file: JSON, CSV or Markdown, named with the day.
import type { ArchiveEntryRow } from '@/utils/store/db';
import { toCsv, toJson, toMarkdown } from '@/utils/store/export';

export type ExportFormat = 'json' | 'csv' | 'md';

const FORMATS: Record<
  ExportFormat,
  { type: string; content: (entries: readonly ArchiveEntryRow[]) => string }
> = {
  json: { type: 'application/json', content: toJson },
  csv: { type: 'text/csv;charset=utf-8', content: toCsv },
  md: { type: 'text/markdown', content: toMarkdown },
};

/** Downloads `entries` as `saywho-archive-<stamp>.<format>`; `stamp` is the day, YYYY-MM-DD. */
export function exportFile(format: ExportFormat, entries: readonly ArchiveEntryRow[], stamp: string) {
  const { type, content } = FORMATS[format];
  download(`saywho-archive-${stamp}.${format}`, type, content(entries));
}

function download(name: string, type: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
