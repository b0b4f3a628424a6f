import { describe, expect, it } from 'vitest';
import { pageAccess } from '../../utils/page/restricted';

describe('pageAccess', () => {
  it('lets Saywho read ordinary web pages', () => {
    expect(pageAccess('https://news.example/2026/story')).toBe('readable');
    expect(pageAccess('http://127.0.0.1:8080/000.html')).toBe('readable');
  });

  it.each([
    'chrome://extensions',
    'about:debugging',
    'chrome-extension://abc/popup.html',
    'file:///home/me/page.html',
    'https://chromewebstore.google.com/detail/x',
    'https://chrome.google.com/webstore/detail/x',
    'https://addons.mozilla.org/en-US/firefox/',
    'not a url',
    null,
  ])('treats %s as restricted', (url) => {
    expect(pageAccess(url)).toBe('restricted');
  });
});
