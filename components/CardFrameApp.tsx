/**
 * The card's own page (entrypoints/card/), shown in a frame over the article: it receives the
 * content script's port (see utils/content/card-frame.ts), draws each state it is sent, and sends
 * the reader's actions back. Nothing here is reachable from the article's scripts.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  CARD_PORT_HANDSHAKE,
  type CardFrameMessage,
  CardHostMessageSchema,
  type CardState,
  parseCardMessage,
} from '@/utils/messages';
import { StatementCard } from './StatementCard';

/**
 * Resolves with the port the content script hands over: the one message from the parent window
 * that carries this frame's nonce (its name, which the page never sees). Anything else is ignored.
 */
export function awaitCardPort(win: Window): Promise<MessagePort> {
  const expected = win.name;
  // The name was only a way in: forget it.
  win.name = '';
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: unknown; nonce?: unknown } | null;
      if (event.source !== win.parent || expected === '') return;
      if (data?.type !== CARD_PORT_HANDSHAKE || data.nonce !== expected) return;
      const port = event.ports[0];
      if (!port) return;
      win.removeEventListener('message', onMessage);
      resolve(port);
    };
    win.addEventListener('message', onMessage);
  });
}

export function CardFrameApp({ port }: { port: MessagePort }) {
  const [state, setState] = useState<CardState | null>(null);
  /** Focus asked for; given to the card once it is drawn. */
  const [focusAsked, setFocusAsked] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const send = (message: CardFrameMessage) => port.postMessage(message);

  useEffect(() => {
    port.onmessage = (event: MessageEvent) => {
      const message = parseCardMessage(CardHostMessageSchema, event.data);
      if (!message) return;
      if (message.type === 'card-state') setState(message.state);
      else setFocusAsked((n) => n + 1);
    };
    return () => {
      port.onmessage = null;
    };
  }, [port]);

  // Drawn: the frame may be shown.
  useEffect(() => {
    if (state) send({ type: 'card-ready' });
  });

  useEffect(() => {
    if (focusAsked > 0) (root.current?.querySelector('.card') as HTMLElement | null)?.focus();
  }, [focusAsked, state !== null]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') send({ type: 'card-close' });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [port]);

  return (
    <div ref={root}>
      {state ? (
        <StatementCard
          statement={state.statement}
          summary={state.summary}
          collecting={state.collecting}
          privateWindow={state.privateWindow === true}
          status={state.status}
          onSave={() => send({ type: 'card-save' })}
          onOpenView={() => send({ type: 'card-open-view' })}
          onClose={() => send({ type: 'card-close' })}
        />
      ) : null}
    </div>
  );
}
