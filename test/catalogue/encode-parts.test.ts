import { describe, expect, it } from 'vitest';
import { bytesHoldText, encodeParts } from '../../scripts/apply/encode-parts.ts';

describe('encodeParts', () => {
  it('encodes the parts one after the other, as UTF-8', () => {
    const parts = ['# Café\n', '\n', '| a | 🙂 |\n'];
    const encoded = encodeParts(parts, 1000);
    expect(encoded.bytes).toBe(Buffer.byteLength(parts.join(''), 'utf8'));
    expect(encoded.data?.toString('utf8')).toBe(parts.join(''));
  });

  it('counts, without encoding, a text over the limit, exactly even when only its bytes are', () => {
    // 4 characters but 12 bytes: over a limit of 10 only once encoded.
    expect(encodeParts(['€€', '€€'], 10)).toEqual({ bytes: 12, data: null });
    // Longer than the limit in code units already.
    expect(encodeParts(['x'.repeat(11)], 10)).toEqual({ bytes: 11, data: null });
    expect(encodeParts(['x'.repeat(10)], 10).data?.length).toBe(10);
  });

  it('grows its buffer for a large text and still encodes smaller ones after it', () => {
    const large = 'ü'.repeat(200_000);
    expect(encodeParts([large, 'end'], 1_000_000).data?.toString('utf8')).toBe(`${large}end`);
    expect(encodeParts(['small'], 1_000_000).data?.toString('utf8')).toBe('small');
  });
});

describe('bytesHoldText', () => {
  const text = '# Café\n\n| a | 🙂 |\n';
  it.each([
    ['the same text', Buffer.from(text), true],
    ['an empty text as no bytes', Buffer.alloc(0), false],
    ['one byte changed', Buffer.from(text.replace('a', 'b')), false],
    ['a byte missing', Buffer.from(text).subarray(1), false],
    ['a byte more', Buffer.from(`${text} `), false],
    ['the text in Latin-1', Buffer.from(text, 'latin1'), false],
    [
      'invalid UTF-8 that decodes to the same length',
      Buffer.from([0xff, ...Buffer.from(text).subarray(1)]),
      false,
    ],
  ])('%s', (_label, bytes, expected) => {
    expect(bytesHoldText(bytes, text)).toBe(expected);
  });

  it('holds the empty text in no bytes', () => {
    expect(bytesHoldText(Buffer.alloc(0), '')).toBe(true);
  });
});
