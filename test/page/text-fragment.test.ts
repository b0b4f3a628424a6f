import { describe, expect, it } from 'vitest';
import { encodeFragmentTerm, textFragmentDirective, textFragmentUrl } from '../../utils/page/text-fragment';

describe('encodeFragmentTerm', () => {
  it('encodes the directive syntax characters - , & and spaces', () => {
    expect(encodeFragmentTerm('well-known, A&B')).toBe('well%2Dknown%2C%20A%26B');
  });
  it('encodes non-ASCII text as UTF-8 percent escapes', () => {
    expect(encodeFragmentTerm('café “now”')).toBe('caf%C3%A9%20%E2%80%9Cnow%E2%80%9D');
  });
});

describe('textFragmentDirective', () => {
  it('links a short quote whole', () => {
    expect(textFragmentDirective('We will not back down.')).toBe('We%20will%20not%20back%20down.');
  });

  it('links a long quote by its first and last words (textStart,textEnd)', () => {
    const quote =
      'Unilaterally bombing inside Qatar, a sovereign nation and close ally of the United States, does not advance Israel or America’s goals';
    expect(textFragmentDirective(quote)).toBe(
      'Unilaterally%20bombing%20inside%20Qatar%2C%20a,advance%20Israel%20or%20America%E2%80%99s%20goals',
    );
  });

  it('adds prefix- and -suffix context of whole words, dropping a word cut in half', () => {
    const d = textFragmentDirective('peace now', {
      prefix: 'ment, the minister said: we want ',
      suffix: ' and not later-on',
    });
    expect(d).toBe('said%3A%20we%20want-,peace%20now,-and%20not');
  });

  it('keeps a context that is one whole word', () => {
    expect(textFragmentDirective('yes', { prefix: ' said ', suffix: '' })).toBe('said-,yes');
  });

  it('returns null for a quote without words', () => {
    expect(textFragmentDirective('  \n ')).toBeNull();
  });
});

describe('textFragmentUrl', () => {
  it('replaces an existing fragment', () => {
    expect(textFragmentUrl('https://news.example/a?x=1#top', 'hello-world')).toBe(
      'https://news.example/a?x=1#:~:text=hello%2Dworld',
    );
  });
  it('leaves the URL alone when there is nothing to point at', () => {
    expect(textFragmentUrl('https://news.example/a#top', '')).toBe('https://news.example/a#top');
  });
});

describe('textFragmentDirective context', () => {
  it('keeps context inside the quote’s block and leaves out punctuation-only context', () => {
    expect(
      textFragmentDirective('Yes', { prefix: 'end of the last paragraph.\n\n“', suffix: '”\n\nNext' }),
    ).toBe('Yes');
    expect(textFragmentDirective('Yes', { prefix: 'para.\nhe said ', suffix: ' twice.\nNext para' })).toBe(
      'he%20said-,Yes,-twice.',
    );
  });
});
