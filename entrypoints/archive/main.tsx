import { render } from 'preact';
import { ArchiveApp } from '@/components/ArchiveApp';
import { openDb } from '@/utils/store/db';
import '@/assets/ui.css';

render(<ArchiveApp db={openDb()} />, document.getElementById('app')!);
