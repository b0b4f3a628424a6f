import type { IngestPageReply } from '@/utils/messages';
import { paintRelations, paintStatements } from '@/utils/page/highlight';
import { readArticle } from '@/utils/page/read-article';
import './style.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main() {
    const reading = readArticle(document, location.href);
    if (!reading || reading.statements.length === 0) return;
    const painted = paintStatements(reading.model, reading.statements, document);
    const reply = (await browser.runtime.sendMessage(reading.message)) as IngestPageReply | undefined;
    if (reply?.ok) paintRelations(painted, reply.statements);
    else if (reply) console.warn('Saywho: the background could not store this page:', reply.error);
  },
});
