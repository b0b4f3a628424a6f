/**
 * The worker reads the extractor's model data from the extension's own package (`models.json`,
 * see utils/nlp/model-data.ts): a file of the extension, never a download. Read once per start of
 * the worker; every extraction waits for it.
 */
import { MODEL_DATA_FILE, provideModelData } from '../nlp/model-data';
import { loadModels } from '../nlp/models';

/** Reads a file of the extension's package as text. */
export type PackageReader = (path: string) => Promise<string>;

let loading: Promise<void> | null = null;

/**
 * Reads the model data and decodes every model (once; later calls share the first). Rejects with
 * a message saying which file or field failed.
 */
export function loadPackagedModels(read: PackageReader): Promise<void> {
  loading ??= (async () => {
    try {
      provideModelData(JSON.parse(await read(MODEL_DATA_FILE)));
    } catch (error) {
      throw new Error(
        `the models could not be read from ${MODEL_DATA_FILE} (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    loadModels();
  })();
  const current = loading;
  // a failed read is tried again by the next caller
  current.catch(() => {
    if (loading === current) loading = null;
  });
  return current;
}
