/**
 * Hygiene for text people type: one Unicode form, and none of the invisible
 * characters used to spoof names or reorder what a reader sees.
 */
import { unprocessable } from './errors.js';

// Bidi overrides, isolates and marks (incl. the Arabic letter mark), zero-width characters, invisible fillers
// (soft hyphen, Hangul fillers, Mongolian vowel separator), BOM, and C0/C1 controls except tab, newline and
// carriage return (CRLF from Windows clients is normalised by cleanText, not refused), and lone surrogates
// (in /u mode the surrogate range matches only halves without a partner: text no encoder can store faithfully).
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\u3164\uD800-\uDFFF\uFEFF\uFFA0]/u;
// A zero-width joiner between two pictographs builds one emoji (👩‍💻, 🏳️‍🌈): that use is harmless and common.
const EMOJI_JOINER = /(\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?)\u200D(?=\p{Extended_Pictographic})/gu;

export function hasForbiddenCharacters(text: string): boolean {
  return FORBIDDEN.test(text.replace(EMOJI_JOINER, '$1'));
}

/** NFC-normalises and trims; single-line fields also lose newlines and tabs. */
export function cleanText(text: string, options: { multiline?: boolean } = {}): string {
  const normalized = text.normalize('NFC').trim();
  return options.multiline ? normalized.replace(/\r\n?/g, '\n') : normalized.replace(/[\t\n\r]+/g, ' ');
}

/** Text a person typed for others to see: refused (422 invalid_text, naming the field) when it hides invisible or reordering characters, else cleaned. */
export function checkedText(field: string, raw: string, options: { multiline?: boolean } = {}): string {
  if (hasForbiddenCharacters(raw)) {
    throw unprocessable('invalid_text', 'Remove invisible or control characters.', [{ field, message: 'contains invisible or control characters' }]);
  }
  return cleanText(raw, options);
}
