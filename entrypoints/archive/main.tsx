import { render } from 'preact';
import { ArchiveApp } from '@/components/ArchiveApp';
import { openDb } from '@/utils/store/db';
import '@/assets/ui.css';

const speaker = new URLSearchParams(location.search).get('speaker');
if (speaker) document.title = `${speaker} · Saywho archive`;
render(
  <ArchiveApp db={openDb()} speaker={speaker || null} baseUrl={browser.runtime.getURL('/archive.html')} />,
  document.getElementById('app')!,
);
