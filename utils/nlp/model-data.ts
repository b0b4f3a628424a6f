/**
 * The data of the models the extractor reads (tagger weights, given names, WordNet noun classes,
 * entity-typer weights, lemma exceptions), provided once per context before the first extraction.
 *
 * Why provided and not imported: the data are about 800 kB of text. Compiled into the background
 * worker's script, they made every start of the worker (Chromium stops an idle one after 30 s,
 * and the next article wakes it) load and scan them with the code: about 45 ms per 500 kB of the
 * wait for a page's first highlights. The extension ships them as one file of its own package
 * (`models.json`, written at build time by wxt.config.ts from ./model/), which the worker reads
 * when it starts (utils/background/models.ts); Node tools and tests provide the same data from
 * the modules (./model/bundled.ts). Nothing is downloaded: the file is part of the extension.
 */
import type { ShippedModel } from './model-format';

export interface ModelData {
  /** Part-of-speech tagger weights (./model-format.ts). */
  tagger: ShippedModel;
  /** Given names by sex, lower case, space-separated (./given-names.ts). */
  givenNames: { female: string; male: string; either: string };
  /** Nouns of people and groups, space-separated (./noun-classes.ts). */
  wordnetNouns: { person: string; group: string };
  /** Entity-typer weights, one feature a line (./entity.ts). */
  entity: string;
  /** Lemma exceptions, one class a line (./lemma.ts). */
  lemmaExceptions: string;
}

/** Where the extension ships the data, relative to its root. */
export const MODEL_DATA_FILE = 'models.json';

let provided: ModelData | null = null;

const isString = (v: unknown): v is string => typeof v === 'string';
const hasStrings = (v: unknown, keys: readonly string[]): boolean =>
  typeof v === 'object' && v !== null && keys.every((k) => isString((v as Record<string, unknown>)[k]));

/** The data, checked field by field; a clear error names what is missing or malformed. */
export function checkModelData(value: unknown): ModelData {
  const v = value as Partial<Record<keyof ModelData, unknown>> | null;
  const problems: string[] = [];
  if (typeof v !== 'object' || v === null) throw new Error('model data: not an object');
  if (!hasStrings(v.tagger, ['tags', 'dict', 'lexicon', 'weights'])) problems.push('tagger');
  if (!hasStrings(v.givenNames, ['female', 'male', 'either'])) problems.push('givenNames');
  if (!hasStrings(v.wordnetNouns, ['person', 'group'])) problems.push('wordnetNouns');
  if (!isString(v.entity)) problems.push('entity');
  if (!isString(v.lemmaExceptions)) problems.push('lemmaExceptions');
  if (problems.length > 0) throw new Error(`model data: missing or malformed ${problems.join(', ')}`);
  return v as ModelData;
}

/** Provides the data (once; the models decoded from the first data provided are kept). */
export function provideModelData(data: unknown): void {
  provided ??= checkModelData(data);
}

export function hasModelData(): boolean {
  return provided !== null;
}

/** The data; throws a clear error when none were provided yet. */
export function modelData(): ModelData {
  if (!provided) throw new Error('the models are not loaded yet (provideModelData was not called)');
  return provided;
}
