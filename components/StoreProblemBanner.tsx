import { useEffect, useState } from 'preact/hooks';
import { type StoreProblem, storeProblemItem } from '@/utils/settings';

/**
 * Says, until a write succeeds again, that the store could not keep something (a full disk above
 * all). Shown in the popup and the archive so a failure is never silent.
 */
export function StoreProblemBanner() {
  const [problem, setProblem] = useState<StoreProblem | null>(null);
  useEffect(() => {
    void storeProblemItem.getValue().then(setProblem);
    return storeProblemItem.watch((value) => setProblem(value ?? null));
  }, []);
  if (!problem) return null;
  return (
    <p class="store-problem error" role="alert">
      <strong>{problem.quota ? 'Storage full. ' : 'Saywho could not write. '}</strong>
      {problem.message}
    </p>
  );
}
