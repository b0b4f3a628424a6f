/**
 * Decodes every model the extractor reads. Each is otherwise decoded on its first use, in the
 * middle of the first article's extraction; the background worker calls this as it starts.
 */
import { typeMention } from './entity';
import { givenName } from './given-names';
import { lemmatize } from './lemma';
import { nounClass } from './noun-classes';
import { defaultTagger } from './tagger';

export function loadModels(): void {
  defaultTagger();
  givenName('Ana');
  nounClass('reporter');
  lemmatize('said', 'VBD');
  typeMention({ words: ['Ana', 'Ruiz'], before: [], after: ['said'] });
}
