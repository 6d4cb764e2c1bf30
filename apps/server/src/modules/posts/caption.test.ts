import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { cleanTags, parseCaption } from './caption.js';

describe('caption parsing', () => {
  it('when a caption has hashtags and mentions, then both are found once each, lower-cased, in order', () => {
    const parsed = parseCaption('Sunset with @Ana_B and @leo.k! #Sunset #beach #sunset e-mail a@b.c');
    expect(parsed.hashtags).toEqual(['sunset', 'beach']);
    expect(parsed.mentions).toEqual(['ana_b', 'leo.k']);
  });

  it('when a hashtag is in another script or follows punctuation, then it is still a hashtag', () => {
    expect(parseCaption('(#café) #東京 #123 #a1').hashtags).toEqual(['café', '東京', 'a1']);
  });

  it('when a word merely contains # or @, then it is neither a hashtag nor a mention', () => {
    const parsed = parseCaption('C#major me@example.com &#39;');
    expect(parsed.hashtags).toEqual([]);
    expect(parsed.mentions).toEqual([]);
  });

  it('when a caption is longer than 2200 characters, then it is refused with caption_too_long', () => {
    expect(() => parseCaption('a'.repeat(2201))).toThrow(AppError);
    expect(parseCaption('😀'.repeat(2200)).text).toHaveLength(4400);
  });

  it('when a caption holds a bidi override, then it is refused', () => {
    expect(() => parseCaption('hello \u202e')).toThrow(/invisible/);
  });

  it('when tags come with or without #, then they are the same tag', () => {
    expect(cleanTags(['#Beach', 'beach', 'sun_set'])).toEqual(['beach', 'sun_set']);
    expect(() => cleanTags(['no spaces'])).toThrow(AppError);
  });
});
