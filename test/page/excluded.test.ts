import { describe, expect, it } from 'vitest';
import { isExcluded, parseExcludeList } from '../../utils/page/excluded';

describe('isExcluded', () => {
  it('matches a host and its subdomains, not look-alike hosts', () => {
    const p = ['example.com'];
    expect(isExcluded('https://example.com/a', p)).toBe(true);
    expect(isExcluded('https://news.example.com/a', p)).toBe(true);
    expect(isExcluded('https://badexample.com/a', p)).toBe(false);
    expect(isExcluded('https://example.com.evil.net/a', p)).toBe(false);
  });

  it('accepts *. and a scheme, and ignores case', () => {
    expect(isExcluded('http://WWW.Example.COM/', ['*.example.com'])).toBe(true);
    expect(isExcluded('http://example.com/', ['https://example.com'])).toBe(false);
    expect(isExcluded('https://example.com/', ['https://example.com'])).toBe(true);
    expect(isExcluded('https://example.com/', ['*://example.com/*'])).toBe(true);
  });

  it('matches a path prefix on segment boundaries only', () => {
    const p = ['example.com/opinion'];
    expect(isExcluded('https://example.com/opinion', p)).toBe(true);
    expect(isExcluded('https://example.com/opinion/2024/x', p)).toBe(true);
    expect(isExcluded('https://example.com/opinions', p)).toBe(false);
    expect(isExcluded('https://example.com/news', p)).toBe(false);
  });

  it('matches a port when given', () => {
    expect(isExcluded('http://127.0.0.1:8080/a', ['127.0.0.1:8080'])).toBe(true);
    expect(isExcluded('http://127.0.0.1:9090/a', ['127.0.0.1:8080'])).toBe(false);
    expect(isExcluded('http://127.0.0.1:9090/a', ['127.0.0.1'])).toBe(true);
  });

  it('ignores blanks, comments and bad URLs', () => {
    expect(isExcluded('https://example.com/', ['', '  ', '# example.com'])).toBe(false);
    expect(isExcluded('not a url', ['example.com'])).toBe(false);
    expect(isExcluded('https://example.com/', [])).toBe(false);
  });
});

describe('parseExcludeList', () => {
  it('splits lines and commas and drops empty and comment lines', () => {
    expect(parseExcludeList('example.com\n\n# note\n news.example.org/x , a.b')).toEqual([
      'example.com',
      'news.example.org/x',
      'a.b',
    ]);
  });
});
