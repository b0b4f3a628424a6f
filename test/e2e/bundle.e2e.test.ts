/**
 * Where extraction runs, as built: the extractor and the language models it reads ship in the
 * background only. The content script, which runs on every page, sends the article's text to the
 * background (`extract-article`) and carries none of that code. Checked on the built files: the
 * extractor's string literals (those no code of the content script's own has) are in the
 * background's bundle and in no content script. The models' data ship as a file of the package
 * (`models.json`, read by the worker as it starts), not inside any script.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR, ROOT } from '../../scripts/harness/harness';
import { BUNDLED_MODEL_DATA } from '../../utils/nlp/model/bundled';

const FIREFOX_DIR = join(ROOT, '.output', 'firefox-mv2');

function sources(dir: string): string[] {
  const full = join(ROOT, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => readFileSync(join(full, f), 'utf8'));
}

/** String literals of 8 characters or more in the extractor and the models, not in the content script's own code. */
function extractorStrings(): string[] {
  const own = [
    ...sources('utils/page'),
    ...sources('utils/content'),
    ...sources('entrypoints/content'),
    ...sources('components'),
    readFileSync(join(ROOT, 'utils', 'messages.ts'), 'utf8'),
    readFileSync(join(ROOT, 'utils', 'settings.ts'), 'utf8'),
  ].join('\n');
  const found = new Set<string>();
  for (const text of [...sources('utils/extract'), ...sources('utils/nlp')]) {
    for (const m of text.matchAll(/'([^'\\\n]{8,})'/g)) if (!own.includes(m[1]!)) found.add(m[1]!);
  }
  return [...found];
}

describe.each([
  ['Chromium (MV3)', EXTENSION_DIR, 'background.js'],
  ['Firefox (MV2)', FIREFOX_DIR, 'background.js'],
])('the %s build', (_name, dir, backgroundFile) => {
  it.skipIf(!existsSync(join(dir, 'content-scripts', 'content.js')))(
    'extracts in the background: no extractor code in the content script',
    () => {
      const content = readFileSync(join(dir, 'content-scripts', 'content.js'), 'utf8');
      const background = readFileSync(join(dir, backgroundFile), 'utf8');
      const strings = extractorStrings().filter((s) => background.includes(s));
      // Enough of the extractor's words survive bundling to tell where it is.
      expect(strings.length).toBeGreaterThan(50);
      expect(strings.filter((s) => content.includes(s))).toEqual([]);
      // The content script reads the page, paints, and talks to the background: it stays small.
      expect(content.length).toBeLessThan(80_000);
    },
  );
  it.skipIf(!existsSync(join(dir, backgroundFile)))(
    'ships the models as models.json, outside every script, and nowhere a page can load it',
    () => {
      expect(JSON.parse(readFileSync(join(dir, 'models.json'), 'utf8'))).toEqual(BUNDLED_MODEL_DATA);
      const scripts = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
        f.endsWith('.js'),
      );
      expect(scripts).toContain(backgroundFile);
      // a piece of each model's data, long enough to be found nowhere else
      const pieces = [
        BUNDLED_MODEL_DATA.tagger.weights.slice(1000, 1060),
        BUNDLED_MODEL_DATA.givenNames.female.slice(5000, 5060),
        BUNDLED_MODEL_DATA.wordnetNouns.person.slice(5000, 5060),
        BUNDLED_MODEL_DATA.entity.slice(5000, 5060),
      ];
      for (const f of scripts) {
        const code = readFileSync(join(dir, f), 'utf8');
        expect(pieces.filter((p) => code.includes(p)).map(() => f)).toEqual([]);
      }
      // only the card is web-accessible (see wxt.config.ts)
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      expect(JSON.stringify(manifest.web_accessible_resources ?? [])).not.toContain('models');
    },
  );
});
