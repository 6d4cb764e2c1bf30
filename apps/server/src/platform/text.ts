/**
 * Hygiene for text people type: one Unicode form, and none of the invisible
 * characters used to spoof names or reorder what a reader sees.
 */
// Bidi overrides and isolates, zero-width joiners and friends, BOM, and C0/C1 controls except tab and newline.
const FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/u;

export function hasForbiddenCharacters(text: string): boolean {
  return FORBIDDEN.test(text);
}

/** NFC-normalises and trims; single-line fields also lose newlines and tabs. */
export function cleanText(text: string, options: { multiline?: boolean } = {}): string {
  const normalized = text.normalize('NFC').trim();
  return options.multiline ? normalized.replace(/\r\n?/g, '\n') : normalized.replace(/[\t\n\r]+/g, ' ');
}
