/** The content script's message listener, as a pure function: who may ask, what they may ask. */
import {
  type ContentMessage,
  type ContentReply,
  type OwnExtension,
  parseContentMessage,
  type Sender,
  senderProblem,
} from '../messages';

/** What answers a valid message: the page's session (`PageSession.handleMessage`). */
export interface ContentMessageHandler {
  handleMessage(message: ContentMessage): ContentReply | undefined;
}

/**
 * Answers a message sent to the content script. Only Saywho's background and extension pages may
 * ask (not another extension, not a page); a refused or malformed message gets `{ ok: false, error }`
 * and reaches no session. Undefined: nothing to answer (no session on an excluded site, or a
 * message that needs no reply).
 */
export function receiveContentMessage(
  session: ContentMessageHandler | null,
  raw: unknown,
  sender: Sender | undefined,
  own: OwnExtension,
): ContentReply | undefined {
  const foreign = senderProblem(sender, own, 'extension');
  if (foreign) return { ok: false, error: foreign };
  const parsed = parseContentMessage(raw);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  return session?.handleMessage(parsed.message);
}
