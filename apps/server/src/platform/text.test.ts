import { describe, expect, it } from 'vitest';
import { checkedText, cleanText, hasForbiddenCharacters } from './text.js';

describe('text hygiene', () => {
  it('when text holds bidi overrides, isolates or marks, then it is refused', () => {
    for (const ch of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C']) {
      expect(hasForbiddenCharacters(`abc${ch}def`), ch.codePointAt(0)!.toString(16)).toBe(true);
    }
  });

  it('when text holds zero-width or invisible filler characters, then it is refused', () => {
    for (const ch of ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u3164', '\u115F', '\u1160', '\uFFA0', '\u180E']) {
      expect(hasForbiddenCharacters(`ab${ch}cd`), ch.codePointAt(0)!.toString(16)).toBe(true);
    }
  });

  it('when text holds control characters, then it is refused, except tab, newline and carriage return', () => {
    for (const ch of ['\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\u009F', '\u000B', '\u000C']) expect(hasForbiddenCharacters(`a${ch}b`)).toBe(true);
    expect(hasForbiddenCharacters('line one\r\nline two\tend\n')).toBe(false);
  });

  it('when text holds half of a surrogate pair, then it is refused, while whole astral characters pass', () => {
    expect(hasForbiddenCharacters('a\uD800b')).toBe(true);
    expect(hasForbiddenCharacters('\uDE00')).toBe(true);
    expect(hasForbiddenCharacters('\uD83D\uDE00')).toBe(false);
  });

  it('when ordinary text in any script or emoji is typed, then it passes', () => {
    for (const text of ['Café', 'Zoë Ørsted', 'محمد', 'שלום', '東京', 'Ελληνικά', '😀🔥', 'naïve — “quotes”']) {
      expect(hasForbiddenCharacters(text), text).toBe(false);
    }
  });

  it('when a zero-width joiner builds an emoji, then it passes; alone between letters it does not', () => {
    for (const emoji of ['👩‍💻', '🏳️‍🌈', '👨🏽‍💻', '👨‍👩‍👧‍👦', '🏴‍☠️']) expect(hasForbiddenCharacters(`I am ${emoji}`), emoji).toBe(false);
    expect(hasForbiddenCharacters('ad\u200Dmin')).toBe(true);
    expect(hasForbiddenCharacters('😀\u200Dx')).toBe(true);
    expect(hasForbiddenCharacters('\u200D😀')).toBe(true);
  });

  it('when text is cleaned, then it is NFC, trimmed, and single-line fields lose line breaks', () => {
    expect(cleanText('  Cafe\u0301  ')).toBe('Café');
    expect(cleanText('Cafe\u0301').length).toBe(4);
    expect(cleanText('one\r\ntwo\tthree')).toBe('one two three');
    expect(cleanText(' one\r\ntwo\rthree\n ', { multiline: true })).toBe('one\ntwo\nthree');
  });

  it('when text is checked for a field, then clean text comes back cleaned and hidden characters are 422 invalid_text naming the field', () => {
    expect(checkedText('bio', ' one\r\ntwo ', { multiline: true })).toBe('one\ntwo');
    expect(checkedText('displayName', 'Cafe\u0301\nBar')).toBe('Café Bar');
    expect(() => checkedText('displayName', 'ad\u202Emin')).toThrow(expect.objectContaining({
      status: 422, code: 'invalid_text', extra: { fields: [{ field: 'displayName', message: 'contains invisible or control characters' }] },
    }));
  });
});
