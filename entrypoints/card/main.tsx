import { render } from 'preact';
import { awaitCardPort, CardFrameApp } from '@/components/CardFrameApp';
import '@/components/card.css';

void awaitCardPort(window).then((port) => {
  render(<CardFrameApp port={port} />, document.getElementById('app')!);
});
