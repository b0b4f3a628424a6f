// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { awaitCardPort, CardFrameApp } from '../../components/CardFrameApp';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  CardLink,
  cardPosition,
  createCardFrame,
} from '../../utils/content/card-frame';
import { CARD_PORT_HANDSHAKE, type CardState } from '../../utils/messages';

const state = (over: Partial<CardState> = {}): CardState => ({
  statement: {
    text: 'We will rebuild the pier.',
    kind: 'direct',
    speaker: 'Mara Quill',
    mention: 'Quill',
    cue: 'said',
  },
  summary: {
    statementId: 7,
    related: 1,
    conflicts: 1,
    saved: false,
    strongest: {
      type: 'misattribution',
      conflict: true,
      reason: 'same words, another speaker',
      otherSpeaker: 'Tom Reid',
      otherTitle: 'Harbour plan unveiled',
      otherSite: 'The Coast Gazette',
      otherUrl: 'https://coast.example/harbour',
    },
  },
  collecting: true,
  status: { saving: false, error: null },
  ...over,
});

/** The card app in this document, on one end of a real channel; the session's link on the other. */
function mountCard() {
  const element = document.createElement('div');
  document.body.append(element);
  const channel = new MessageChannel();
  const actions = { onSave: vi.fn(), onOpenView: vi.fn(), onClose: vi.fn(), onReady: vi.fn() };
  const link = new CardLink(channel.port1, actions);
  render(<CardFrameApp port={channel.port2} />, element);
  return { element, link, actions, port: channel.port1 };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('the card over its port', () => {
  it('draws the state it is sent, says it is ready, and sends the reader’s actions back', async () => {
    const { element, link, actions } = mountCard();
    link.send({ type: 'card-state', state: state() });
    await vi.waitFor(() => expect(element.textContent).toContain('Mara Quill'));
    expect(element.textContent).toContain('1 possible conflict');
    expect(element.querySelector('a')?.getAttribute('href')).toBe('https://coast.example/harbour');
    await vi.waitFor(() => expect(actions.onReady).toHaveBeenCalled());

    const press = (label: string) =>
      [...element.querySelectorAll('button')].find((b) => b.textContent === label)!.click();
    press('Save');
    press('Open in Saywho');
    element.querySelector<HTMLButtonElement>('.card__close')!.click();
    await vi.waitFor(() => expect(actions.onClose).toHaveBeenCalledTimes(1));
    expect(actions.onSave).toHaveBeenCalledTimes(1);
    expect(actions.onOpenView).toHaveBeenCalledTimes(1);

    // Null closes the card.
    link.send({ type: 'card-state', state: null });
    await vi.waitFor(() => expect(element.textContent).toBe(''));
  });

  it('in a private window says Saywho keeps nothing and offers neither Save nor Open', async () => {
    const { element, link } = mountCard();
    link.send({
      type: 'card-state',
      state: state({
        summary: { statementId: 0, related: 0, conflicts: 0, saved: false, strongest: null },
        collecting: false,
        privateWindow: true,
      }),
    });
    await vi.waitFor(() =>
      expect(element.textContent).toContain('Saywho keeps nothing from private windows'),
    );
    expect(element.textContent).toContain('Mara Quill');
    expect(element.querySelectorAll('button')).toHaveLength(1);
    expect(element.querySelector('button')?.getAttribute('aria-label')).toBe('Close');
  });

  it('ignores what does not fit the protocol: a javascript: link, unknown messages, stray actions', async () => {
    const { element, link, port, actions } = mountCard();
    const bad = state();
    bad.summary!.strongest!.otherUrl = 'javascript:alert(1)';
    link.send({ type: 'card-state', state: bad });
    (port as MessagePort).postMessage({ type: 'card-state', state: { statement: 'x' } });
    (port as MessagePort).postMessage('<img src=x onerror=alert(1)>');
    await new Promise((r) => setTimeout(r, 50));
    expect(element.textContent).toBe('');

    // The card's side sends something unknown: the session does nothing.
    const other = new MessageChannel();
    new CardLink(other.port1, actions);
    other.port2.postMessage({ type: 'card-delete-everything' });
    other.port2.postMessage({ type: 'card-save', statementId: 3 });
    await vi.waitFor(() => expect(actions.onSave).toHaveBeenCalledTimes(1));
    expect(actions.onClose).not.toHaveBeenCalled();
  });
});

describe('awaitCardPort', () => {
  /** A stand-in for the frame's window: its name, its parent, and the messages it is sent. */
  function frameWindow(name: string) {
    const target = new EventTarget() as EventTarget & { name: string; parent: object };
    target.name = name;
    target.parent = { isTheParent: true };
    const post = (data: unknown, source: unknown, ports: MessagePort[] = []) =>
      target.dispatchEvent(Object.assign(new Event('message'), { data, source, ports }));
    return { win: target as unknown as Window, post, parent: target.parent };
  }

  it('takes the port only from the parent, with the nonce that is the frame’s name, and forgets the name', async () => {
    const { win, post, parent } = frameWindow('n0nce');
    const port = awaitCardPort(win);
    expect(win.name).toBe('');
    const wrong = new MessageChannel();
    post({ type: CARD_PORT_HANDSHAKE, nonce: 'guess' }, parent, [wrong.port2]);
    post({ type: CARD_PORT_HANDSHAKE, nonce: 'n0nce' }, { someoneElse: true }, [wrong.port2]);
    post({ type: CARD_PORT_HANDSHAKE, nonce: 'n0nce' }, parent, []);
    const right = new MessageChannel();
    post({ type: CARD_PORT_HANDSHAKE, nonce: 'n0nce' }, parent, [right.port2]);
    expect(await port).toBe(right.port2);
  });

  it('takes nothing in a frame without a name (loaded by anyone but Saywho)', async () => {
    const { win, post, parent } = frameWindow('');
    const port = awaitCardPort(win);
    const channel = new MessageChannel();
    post({ type: CARD_PORT_HANDSHAKE, nonce: '' }, parent, [channel.port2]);
    const settled = await Promise.race([
      port.then(() => 'port'),
      new Promise((r) => setTimeout(() => r('none'), 50)),
    ]);
    expect(settled).toBe('none');
  });
});

describe('createCardFrame', () => {
  const setup = () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'closed' });
    const actions = { onSave: vi.fn(), onOpenView: vi.fn(), onClose: vi.fn() };
    const card = createCardFrame(
      root,
      { url: 'chrome-extension://dynamic-alias/card.html', origin: 'chrome-extension://saywho' },
      actions,
    );
    return { root, card, actions };
  };
  /** The frame's window: only what the content script touches (postMessage). */
  const stubWindow = (frame: HTMLIFrameElement) => {
    const posted: Array<{ data: unknown; origin: string; ports: MessagePort[] }> = [];
    Object.defineProperty(frame, 'contentWindow', {
      value: {
        postMessage: (data: unknown, origin: string, ports: MessagePort[]) =>
          posted.push({ data, origin, ports }),
      },
    });
    return posted;
  };

  it('builds one hidden frame on first use, named by a fresh nonce, fixed in size', () => {
    const { root, card } = setup();
    expect(root.querySelector('iframe')).toBeNull();
    card.render(state());
    const frame = root.querySelector('iframe')!;
    expect(frame.getAttribute('src')).toBe('chrome-extension://dynamic-alias/card.html');
    expect(frame.name).toMatch(/^[0-9a-f]{32}$/);
    expect(frame.hidden).toBe(true);
    expect(frame.style.height).toBe(`${CARD_HEIGHT}px`);
    card.render(state({ collecting: false }));
    expect(root.querySelectorAll('iframe')).toHaveLength(1);
    const other = setup();
    other.card.render(state());
    expect(other.root.querySelector('iframe')!.name).not.toBe(frame.name);
  });

  it('hands its port to Saywho’s origin only, with the nonce, on the first load', () => {
    const { root, card } = setup();
    card.render(state());
    const frame = root.querySelector('iframe')!;
    const posted = stubWindow(frame);
    frame.dispatchEvent(new Event('load'));
    expect(posted).toHaveLength(1);
    expect(posted[0]!.data).toEqual({ type: CARD_PORT_HANDSHAKE, nonce: frame.name });
    expect(posted[0]!.origin).toBe('chrome-extension://saywho');
    expect(posted[0]!.ports).toHaveLength(1);
  });

  it('drops a frame that someone navigated (a second load), and builds a new one next time', () => {
    const { root, card } = setup();
    card.render(state());
    const frame = root.querySelector('iframe')!;
    const posted = stubWindow(frame);
    frame.dispatchEvent(new Event('load'));
    frame.dispatchEvent(new Event('load'));
    expect(posted).toHaveLength(1);
    expect(frame.isConnected).toBe(false);
    card.render(state());
    const rebuilt = root.querySelector('iframe')!;
    expect(rebuilt).not.toBe(frame);
    expect(rebuilt.name).not.toBe(frame.name);
  });
});

describe('cardPosition', () => {
  const view = { width: 1000, height: 800 };
  it('puts the card below its statement when it fits, else above, always inside the viewport', () => {
    expect(cardPosition({ top: 100, bottom: 120, left: 50 }, view)).toEqual({ left: 50, top: 128 });
    expect(cardPosition({ top: 700, bottom: 720, left: 50 }, view)).toEqual({
      left: 50,
      top: 700 - 8 - CARD_HEIGHT,
    });
    expect(cardPosition({ top: 100, bottom: 120, left: 990 }, view).left).toBe(1000 - CARD_WIDTH - 8);
  });
});
