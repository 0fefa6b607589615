import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../scripts/parse/decode-source.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);

describe('decodeSource', () => {
  it.each([
    ['plain ASCII', text('id: APP-1\n'), 'id: APP-1\n'],
    ['multi-byte characters', text('title: "Café — naïve 😀"\n'), 'title: "Café — naïve 😀"\n'],
    ['a byte-order mark, which is not content', bytes(0xef, 0xbb, 0xbf, ...text('id: x\n')), 'id: x\n'],
  ])('decodes %s', (_name, input, expected) => {
    expect(decodeSource('f.yaml', input)).toEqual({ ok: true, text: expected });
  });

  it.each([
    ['a lone continuation byte', bytes(...text('a: '), 0x80), 3],
    ['an overlong form', bytes(...text('a: '), 0xc0, 0x80), 3],
    ['an encoded surrogate', bytes(...text('a: '), 0xed, 0xa0, 0x80), 3],
    ['a code point past U+10FFFF', bytes(...text('a: '), 0xf5, 0x80, 0x80, 0x80), 3],
    ['a truncated sequence', bytes(...text('a: '), 0xe2, 0x82), 3],
    ['Latin-1 text', bytes(...text('a: caf'), 0xe9, 0x0a), 6],
  ])('refuses %s with the offset of the bad byte', (_name, input, offset) => {
    const result = decodeSource('f.yaml', input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostic.rule).toBe('file/invalid-utf8');
    expect(result.diagnostic.message).toContain(`at offset ${offset}`);
  });
});
