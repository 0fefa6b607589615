/** Characters that matter to Markdown and YAML escaping, plus ordinary text, for the equivalence tests. */
const ALPHABET = [
  ...'aAwWpsz09 ',
  ...' ',
  ...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  '\t',
  '\n',
  '\r',
  '·',
  '—',
  '’',
  'é',
  '\u2060',
  '\u00a0',
  '\u0085',
  '\u2028',
  '\ufeff',
  '😀',
];

/** Deterministic pseudo-random strings (a small LCG), short and mostly word-like, so every rule gets exercised. */
export function randomStrings(count: number, seed: number): string[] {
  let state = seed >>> 0;
  const next = (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = 1 + next(12);
    let value = '';
    for (let j = 0; j < length; j++)
      value += next(3) === 0 ? (ALPHABET[next(ALPHABET.length)] ?? '') : 'abcdefghij'[next(10)];
    out.push(value);
  }
  return out;
}
