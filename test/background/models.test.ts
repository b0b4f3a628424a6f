/**
 * The worker reads the extractor's model data from a file of the extension's package
 * (`models.json`): once per start, with a clear error when the file is missing or malformed, and
 * read again after a failure.
 */
import { describe, expect, it, vi } from 'vitest';
import { BUNDLED_MODEL_DATA } from '../../utils/nlp/model/bundled';

// fresh modules: no model data provided yet, as in a worker that has just started
async function freshWorker() {
  vi.resetModules();
  const models = await import('../../utils/background/models');
  const data = await import('../../utils/nlp/model-data');
  const { extract } = await import('../../utils/extract');
  return { ...models, ...data, extract };
}

const ARTICLE = '“We will rebuild the bridge by spring,” said Mayor Ada Park.';

describe('loadPackagedModels', () => {
  it('reads models.json once, and the extractor then runs on its data', async () => {
    const w = await freshWorker();
    expect(() => w.extract(ARTICLE)).toThrow(/models are not loaded/);
    const paths: string[] = [];
    const read = async (path: string) => {
      paths.push(path);
      return JSON.stringify(BUNDLED_MODEL_DATA);
    };
    await Promise.all([w.loadPackagedModels(read), w.loadPackagedModels(read)]);
    expect(paths).toEqual(['models.json']);
    expect(w.extract(ARTICLE).map((s) => [s.kind, s.speaker?.name])).toEqual([['direct', 'Ada Park']]);
  });

  it('says what failed, and reads again on the next call', async () => {
    const w = await freshWorker();
    await expect(w.loadPackagedModels(async () => '{"tagger": 1')).rejects.toThrow(
      /models could not be read from models\.json \(.*JSON/,
    );
    const { tagger: _missing, ...noTagger } = BUNDLED_MODEL_DATA;
    await expect(w.loadPackagedModels(async () => JSON.stringify(noTagger))).rejects.toThrow(
      /missing or malformed tagger/,
    );
    expect(w.hasModelData()).toBe(false);
    await w.loadPackagedModels(async () => JSON.stringify(BUNDLED_MODEL_DATA));
    expect(w.hasModelData()).toBe(true);
  });
});

describe('checkModelData', () => {
  it('names every field that is missing or not text', async () => {
    const { checkModelData } = await freshWorker();
    expect(() => checkModelData(null)).toThrow('model data: not an object');
    expect(() =>
      checkModelData({ ...BUNDLED_MODEL_DATA, givenNames: { female: 'ana', male: 7 }, entity: undefined }),
    ).toThrow('model data: missing or malformed givenNames, entity');
    expect(checkModelData(BUNDLED_MODEL_DATA)).toBe(BUNDLED_MODEL_DATA);
  });
});
