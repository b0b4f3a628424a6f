/** Telling English prose from other languages by its function words (invented news sentences). */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { judgeArticle } from '../../utils/page/article-judge';
import { findArticleRoot } from '../../utils/page/article-region';
import { englishShare, isEnglish } from '../../utils/page/language';

const ENGLISH =
  'The council voted on Tuesday to close the old bridge, which has been in use since 1931, after engineers said that its supports were no longer safe for heavy traffic.';
const OTHERS: Record<string, string> = {
  German:
    'Der Stadtrat hat am Dienstag beschlossen, die alte Brücke zu schließen, nachdem Ingenieure erklärt hatten, dass die Pfeiler nicht mehr sicher seien.',
  French:
    'Le conseil municipal a voté mardi la fermeture du vieux pont, après que les ingénieurs ont déclaré que ses piliers ne sont plus sûrs pour les camions.',
  Spanish:
    'El ayuntamiento votó el martes cerrar el viejo puente, después de que los ingenieros dijeran que sus pilares ya no eran seguros para el tráfico pesado.',
  Dutch:
    'De gemeenteraad heeft dinsdag besloten de oude brug te sluiten, nadat ingenieurs hadden gezegd dat de pijlers niet langer veilig zijn voor zwaar verkeer.',
  Japanese:
    '市議会は火曜日、技術者が橋脚はもはや安全ではないと述べたことを受けて、古い橋を閉鎖することを決めた。',
};

describe('is this text English?', () => {
  it('finds the function words of English prose', () => {
    expect(englishShare(ENGLISH)).toBeGreaterThan(0.2);
    expect(isEnglish(ENGLISH)).toBe(true);
  });

  for (const [language, text] of Object.entries(OTHERS)) {
    it(`finds few in ${language}`, () => {
      expect(englishShare(text)).toBeLessThan(0.06);
      expect(isEnglish(text)).toBe(false);
    });
  }

  it('refuses an article page whose text is not English, whatever it declares', () => {
    const para = OTHERS.German as string;
    const html = `<!doctype html><html lang="en"><head><title>Brücke</title></head><body><article>
      <h1>Brücke geschlossen</h1>${`<p>${para}</p>`.repeat(6)}</article></body></html>`;
    const { document } = parseHTML(html);
    const doc = document as unknown as Document;
    expect(judgeArticle(doc, findArticleRoot(doc))).toEqual({ isArticle: false, reason: 'not English' });
    const english = html.replaceAll(para, ENGLISH);
    const { document: en } = parseHTML(english);
    expect(
      judgeArticle(en as unknown as Document, findArticleRoot(en as unknown as Document)).isArticle,
    ).toBe(true);
  });
});
