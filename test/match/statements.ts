/** Invented statements for the classifier's tests: one speaker on one site, and another site. */
import { classifyPair, type MatchStatement } from '../../utils/match/classify';

export function st(text: string, over: Partial<MatchStatement> = {}): MatchStatement {
  return {
    text,
    kind: 'direct',
    speakerName: 'Maria Lopez',
    speakerType: 'person',
    pageKey: 'https://one.example/story',
    site: 'one.example',
    ...over,
  };
}
export const other = { pageKey: 'https://two.example/news', site: 'two.example' };
export const types = (a: MatchStatement, b: MatchStatement) => classifyPair(a, b).map((r) => r.type);
