/**
 * Entity typing of proper-name mentions (person / organisation / place / other) by a small
 * logistic-regression model trained on the GUM corpus's entity annotations
 * (scripts/entities/train-entity-typer.ts; weights in ./model/entity-model.ts, CC BY 4.0). It is
 * evidence from the name and its neighbours — used to keep he/she from reaching places and
 * organisations — and a document's mentions of one name vote together (`EntityVotes`, the mean of their scores).
 * Held-out accuracy is in the README ("Entity typing").
 */
import { ENTITY_CLASSES, type EntityClass, type MentionContext, mentionFeatures } from './entity-features';
import { modelData } from './model-data';

export type { EntityClass, MentionContext } from './entity-features';

const K = ENTITY_CLASSES.length;
let weights: Map<string, Int16Array> | null = null;

function model(): Map<string, Int16Array> {
  if (weights) return weights;
  const w = new Map<string, Int16Array>();
  for (const line of modelData().entity.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0)
      w.set(
        line.slice(0, tab),
        Int16Array.from(
          line
            .slice(tab + 1)
            .split(' ')
            .map(Number),
        ),
      );
  }
  weights = w;
  return w;
}

/** Unnormalised class scores of one mention (log-odds ×100), in ENTITY_CLASSES order. */
export function entityScores(m: MentionContext): number[] {
  const w = model();
  const z = new Array<number>(K).fill(0);
  for (const f of mentionFeatures(m)) {
    const v = w.get(f);
    if (v) for (let k = 0; k < K; k++) z[k] = (z[k] ?? 0) + (v[k] ?? 0);
  }
  return z;
}

/** Class probabilities from summed scores. */
export function probabilities(z: readonly number[]): Record<EntityClass, number> {
  const m = Math.max(...z);
  const e = z.map((x) => Math.exp((x - m) / 100));
  const s = e.reduce((a, b) => a + b, 0);
  const out = {} as Record<EntityClass, number>;
  ENTITY_CLASSES.forEach((c, k) => {
    out[c] = (e[k] ?? 0) / s;
  });
  return out;
}

/** The most probable class of one mention and its probability. */
export function typeMention(m: MentionContext): { type: EntityClass; p: number } {
  const p = probabilities(entityScores(m));
  let best: EntityClass = 'other';
  for (const c of ENTITY_CLASSES) if (p[c] > p[best]) best = c;
  return { type: best, p: p[best] };
}

/** A document's votes: every mention of a name adds its scores under the name's key. */
export class EntityVotes {
  private readonly sums = new Map<string, { z: number[]; n: number }>();

  add(key: string, m: MentionContext): void {
    const z = entityScores(m);
    const acc = this.sums.get(key);
    if (!acc) this.sums.set(key, { z, n: 1 });
    else {
      for (let k = 0; k < K; k++) acc.z[k] = (acc.z[k] ?? 0) + (z[k] ?? 0);
      acc.n++;
    }
  }

  /**
   * Probability that the name under `key` is a person, from the mean of its mentions' scores (a
   * sum would grow more certain with every mention of the same evidence), or null when unseen.
   */
  person(key: string): number | null {
    const acc = this.sums.get(key);
    return acc ? probabilities(acc.z.map((x) => x / acc.n)).person : null;
  }

  clear(): void {
    this.sums.clear();
  }
}
