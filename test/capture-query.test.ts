import { describe, expect, it } from 'vitest';
import { captureQuery, parseCaptureQuery } from '../utils/capture-query';
import type { SelectionCapture } from '../utils/messages';

const capture: SelectionCapture = {
  text: 'We will & shall — "win", A-B',
  speaker: 'Ada Park',
  kind: 'direct',
  cue: 'said',
  statementId: 12,
  page: {
    url: 'https://news.example/a?x=1&y=2',
    canonicalUrl: null,
    title: 'T',
    site: 'News',
    publishedAt: null,
  },
};

describe('capture query', () => {
  it('round-trips a selection through the capture page URL', () => {
    expect(parseCaptureQuery(`?${captureQuery(capture)}`)).toEqual(capture);
  });

  it('rejects a missing, malformed or non-http capture', () => {
    expect(parseCaptureQuery('')).toBeNull();
    expect(parseCaptureQuery('?capture=%7Bnope')).toBeNull();
    const bad = { ...capture, page: { ...capture.page, url: 'javascript:alert(1)' } };
    expect(parseCaptureQuery(`?${new URLSearchParams({ capture: JSON.stringify(bad) })}`)).toBeNull();
  });
});
