/**
 * Saywho's linguistic backbone: tokenizer, part-of-speech tagger (Penn Treebank tags) and
 * lemmatiser for English, with weights learned from UD English EWT and GUM (see README,
 * "Part-of-speech tagger"). Pure functions, no network, no DOM.
 */

export { type GivenSex, givenName } from './given-names';
export { lemmatize } from './lemma';
export { defaultTagger, type TaggedToken, tag, tagSentences, tagTokens } from './tagger';
export { coarse, isNounTag, isVerbTag, upos } from './tags';
export { type Span, splitSentences, tokenSpans } from './tokenize';
