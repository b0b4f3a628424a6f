import { describe, expect, it } from 'vitest';
import { receiveContentMessage } from '../../utils/content/receive';
import type { ContentMessage, ContentReply, Sender } from '../../utils/messages';
import { parseContentMessage } from '../../utils/messages';

const own = { id: 'saywho-id', baseUrl: 'chrome-extension://saywho-id/' };
const background: Sender = { id: 'saywho-id', url: 'chrome-extension://saywho-id/background.js' };
const popup: Sender = { id: 'saywho-id', url: 'chrome-extension://saywho-id/popup.html?tab=3' };

/** A session that records what reached it: "changes nothing" means nothing reached it. */
function recordingSession() {
  const received: ContentMessage[] = [];
  return {
    received,
    handleMessage(message: ContentMessage): ContentReply | undefined {
      received.push(message);
      return message.type === 'page-status' ? { ok: true, status: 'article', statements: 3 } : undefined;
    },
  };
}

describe('parseContentMessage', () => {
  it('accepts each message the content script knows', () => {
    for (const message of [
      { type: 'toggle-highlights' },
      { type: 'next-statement', direction: 1 },
      { type: 'next-statement', direction: -1 },
      { type: 'page-status' },
      { type: 'selection-statement' },
      { type: 'page-timings' },
    ]) {
      expect(parseContentMessage(message)).toEqual({ ok: true, message });
    }
  });

  it.each([
    ['not an object', 'page-status', /^invalid message: /],
    ['null', null, /^invalid message: /],
    ['no type', { direction: 1 }, /^invalid message at type: /],
    ['an unknown type', { type: 'ingest-page' }, /^invalid message at type: /],
    ['next-statement without a direction', { type: 'next-statement' }, /^invalid message at direction: /],
    ['next-statement by two', { type: 'next-statement', direction: 2 }, /^invalid message at direction: /],
    ['next-statement direction as text', { type: 'next-statement', direction: '1' }, /at direction/],
  ])('refuses %s with a clear error', (_label, raw, error) => {
    const parsed = parseContentMessage(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });
});

describe('receiveContentMessage', () => {
  it('hands a valid message from our background or popup to the session and returns its answer', () => {
    const session = recordingSession();
    expect(receiveContentMessage(session, { type: 'page-status' }, popup, own)).toEqual({
      ok: true,
      status: 'article',
      statements: 3,
    });
    expect(receiveContentMessage(session, { type: 'toggle-highlights' }, background, own)).toBeUndefined();
    // Chrome may leave out the URL of a service worker sender.
    expect(
      receiveContentMessage(session, { type: 'toggle-highlights' }, { id: 'saywho-id' }, own),
    ).toBeUndefined();
    expect(session.received.map((m) => m.type)).toEqual([
      'page-status',
      'toggle-highlights',
      'toggle-highlights',
    ]);
  });

  it.each([
    ['no type', { direction: 1 }],
    ['an unknown type', { type: 'drop-highlights' }],
    ['a bad direction', { type: 'next-statement', direction: 5 }],
    ['a string', 'toggle-highlights'],
  ])('answers a malformed message (%s) with an error and does not reach the session', (_label, raw) => {
    const session = recordingSession();
    const reply = receiveContentMessage(session, raw, background, own);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^invalid message/) });
    expect(session.received).toEqual([]);
  });

  it.each<[string, Sender | undefined]>([
    ['another extension', { id: 'other-extension', url: 'chrome-extension://other-extension/bg.js' }],
    ['a web page (no id)', { url: 'https://evil.example/', tab: { id: 4 } }],
    ['no sender', undefined],
    ['our content script in another tab', { id: 'saywho-id', url: 'https://evil.example/', tab: { id: 4 } }],
    ['our id without a URL, from a tab', { id: 'saywho-id', tab: { id: 4 } }],
    ['a URL that only starts like ours', { id: 'saywho-id', url: 'https://chrome-extension://saywho-id/' }],
  ])('refuses %s with an error and does not reach the session', (_label, sender) => {
    const session = recordingSession();
    for (const raw of [
      { type: 'toggle-highlights' },
      { type: 'page-status' },
      { type: 'selection-statement' },
      // Saywho's timings would tell a page (or another extension) that Saywho runs here.
      { type: 'page-timings' },
    ]) {
      expect(receiveContentMessage(session, raw, sender, own)).toEqual({
        ok: false,
        error: expect.stringMatching(/^refused: /),
      });
    }
    expect(session.received).toEqual([]);
  });

  it('answers nothing to a valid message when there is no session (an excluded site)', () => {
    expect(receiveContentMessage(null, { type: 'page-status' }, popup, own)).toBeUndefined();
  });
});
