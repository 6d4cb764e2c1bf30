import { cleanText, hasForbiddenCharacters } from '../../platform/text.js';
import { captionTooLong, invalidField } from './posts.errors.js';

const MAX_CAPTION = 2200;
const MAX_ALT = 1000;
const MAX_TAGS = 30;

// A hashtag is letters, digits and underscores in any script, not starting a longer word;
// a mention is a username (letters, digits, dots, underscores) after @.
const HASHTAG = /(?:^|[^\p{L}\p{N}_&])#([\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*)/gu;
const MENTION = /(?:^|[^\p{L}\p{N}_.@])@([a-z0-9_](?:[a-z0-9_.]{0,29}))/giu;

export interface ParsedCaption {
  text: string;
  hashtags: string[];
  mentions: string[];
}

/** Cleans a caption and finds its #hashtags and @mentions, lower-cased, unique, in order of appearance. */
export function parseCaption(raw: string): ParsedCaption {
  if (hasForbiddenCharacters(raw)) throw invalidField('caption', 'contains invisible or control characters');
  const text = cleanText(raw, { multiline: true });
  if ([...text].length > MAX_CAPTION) throw captionTooLong(MAX_CAPTION);
  const unique = (values: string[]) => [...new Set(values)].slice(0, MAX_TAGS);
  const hashtags = unique([...text.matchAll(HASHTAG)].map((m) => m[1]!.toLowerCase()));
  const mentions = unique([...text.matchAll(MENTION)].map((m) => m[1]!.toLowerCase().replace(/\.+$/, '')));
  return { text, hashtags, mentions };
}

export function cleanAlt(raw: string, index: number): string {
  const field = `alt[${index}]`;
  if (hasForbiddenCharacters(raw)) throw invalidField(field, 'contains invisible or control characters');
  const text = cleanText(raw);
  if ([...text].length > MAX_ALT) throw invalidField(field, `at most ${MAX_ALT} characters`);
  return text;
}

/** Tags the person adds beside the caption: "#beach" and "beach" are the same tag. */
export function cleanTags(raw: readonly string[]): string[] {
  const tags = raw.map((tag) => cleanText(tag).replace(/^#/, '').toLowerCase()).filter(Boolean);
  for (const tag of tags) {
    if (!/^[\p{L}\p{N}_]{1,100}$/u.test(tag)) throw invalidField('tags', `"${tag}" is not a tag (letters, digits and _ only)`);
  }
  if (tags.length > MAX_TAGS) throw invalidField('tags', `at most ${MAX_TAGS} tags`);
  return [...new Set(tags)];
}
