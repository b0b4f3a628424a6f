import { render } from 'preact';
import { CaptureApp } from '@/components/CaptureApp';
import { parseCaptureQuery } from '@/utils/capture-query';
import { openDb } from '@/utils/store/db';
import '@/assets/ui.css';

render(
  <CaptureApp
    db={openDb()}
    capture={parseCaptureQuery(location.search)}
    archiveUrl={browser.runtime.getURL('/archive.html')}
  />,
  document.getElementById('app')!,
);
