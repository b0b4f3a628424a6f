/**
 * Imported for its effect by Node tools and the unit tests: provides the model data from the
 * generated modules (see ../model-data.ts), so `extract` can run synchronously in Node.
 */
import { provideModelData } from '../model-data';
import { BUNDLED_MODEL_DATA } from './bundled';

provideModelData(BUNDLED_MODEL_DATA);
