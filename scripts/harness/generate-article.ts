/** A generated news article for benchmarks and long-input tests. */
/** A deterministic news-like article of about `bytes` characters, quotes and attributions included. */
export function generateArticle(bytes: number): string {
  const names = [
    'Maria Lopez',
    'Daniel Okafor',
    'Priya Raman',
    'Tomasz Nowak',
    'Aiko Tanaka',
    'Samuel Greene',
  ];
  const roles = ['the minister', 'the mayor', 'a senior official', 'the spokeswoman', 'the governor'];
  const cues = ['said', 'told reporters', 'added', 'insisted', 'wrote', 'declared'];
  let seed = 42;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const name = names[rnd(names.length)]!;
    const cue = cues[rnd(cues.length)]!;
    const para = [
      `The council met on Tuesday to debate the budget for the ${i}th time, and ${name} said that the plan would be ready by spring.`,
      `“We will not accept cuts to the hospital, and we will say so again tomorrow,” ${cue} ${name}. “The people here deserve better.”`,
      `According to ${roles[rnd(roles.length)]}, the vote could be delayed until after the summer recess.`,
      `${name} ${cue} the proposal was “dead on arrival” and called it a ‘distraction’ from the real issues facing the region.`,
      `Officials familiar with the talks said the numbers had changed twice since March, with costs rising by ${rnd(90) + 10} percent.`,
    ][i % 5]!;
    parts.push(para);
    size += para.length + 1;
  }
  return `${parts.join('\n')}\n`;
}
