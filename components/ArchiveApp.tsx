import type { SaywhoDb } from '@/utils/store/db';
import { ArchiveList } from './archive/ArchiveList';
import { SpeakerView } from './SpeakerView';

export { speakerHref } from './archive/speaker-link';

export interface ArchiveAppProps {
  db: SaywhoDb;
  /** Show the speaker view for this name (`archive.html?speaker=…`). */
  speaker?: string | null;
  /** This page's own URL without query, to build speaker links. */
  baseUrl?: string;
}

/** The archive page: the list of saved quotes, or one speaker's view when a speaker is named. */
export function ArchiveApp({ db, speaker = null, baseUrl = 'archive.html' }: ArchiveAppProps) {
  if (speaker !== null) return <SpeakerView db={db} speaker={speaker} baseUrl={baseUrl} />;
  return <ArchiveList db={db} baseUrl={baseUrl} />;
}
