/**
 * Memoisation of pure functions of one string (a word's stem, a name's words). Matching asks the
 * same questions of the same words and names many times — every candidate pair reads both
 * speakers' names, every statement stems its words — and the answers never change. The cache is
 * bounded: when full it starts again, so a long-lived worker keeps at most `max` answers.
 */
export function memoize<T>(fn: (key: string) => T, max = 20_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    const known = cache.get(key);
    if (known !== undefined || cache.has(key)) return known as T;
    const value = fn(key);
    if (cache.size >= max) cache.clear();
    cache.set(key, value);
    return value;
  };
}
