/**
 * The model data assembled from the generated modules beside this file: what Node tools and tests
 * provide (./use-bundled.ts), and what the build writes into the extension as `models.json`
 * (wxt.config.ts). Never imported by an entry point of the extension (its worker reads the file).
 */
import type { ModelData } from '../model-data';
import { ENTITY_MODEL } from './entity-model';
import { GIVEN_NAMES } from './given-names';
import { LEMMA_EXCEPTIONS } from './lemma-exceptions';
import { TAGGER_MODEL } from './tagger-model';
import { WORDNET_NOUNS } from './wordnet-nouns';

export const BUNDLED_MODEL_DATA: ModelData = {
  tagger: TAGGER_MODEL,
  givenNames: GIVEN_NAMES,
  wordnetNouns: WORDNET_NOUNS,
  entity: ENTITY_MODEL,
  lemmaExceptions: LEMMA_EXCEPTIONS,
};
