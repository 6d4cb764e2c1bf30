import { describe, expect, it } from 'vitest';
import { sniffImageFormat } from './image-policy.js';

// Real file openings, written out by hand: modules may not import sharp, and the sniffer reads only these bytes.
const hex = (text: string) => Buffer.concat([Buffer.from(text.replace(/\s+/g, ''), 'hex'), Buffer.alloc(32)]);
const JPEG_JFIF = hex('ffd8ffe0 0010 4a464946 00 0101');
const JPEG_EXIF = hex('ffd8ffe1 0018 45786966 0000 4d4d002a');
const PNG = hex('89504e470d0a1a0a 0000000d 49484452 00000008 00000008');
const GIF89 = Buffer.concat([Buffer.from('GIF89a', 'latin1'), hex('0800 0800 f700 00')]);
const WEBP = Buffer.concat([Buffer.from('RIFF', 'latin1'), Buffer.from('24000000', 'hex'), Buffer.from('WEBPVP8 ', 'latin1'), hex('18000000')]);
const TIFF_LE = hex('49492a00 08000000');
const TIFF_BE = hex('4d4d002a 00000008');
/** An ISO-BMFF `ftyp` box with the given major and compatible brands, as HEIC and AVIF files begin. */
const ftyp = (major: string, ...compatible: string[]) => {
  const brands = [major, '\0\0\0\0', ...compatible].join('');
  const box = Buffer.alloc(8 + brands.length + 16);
  box.writeUInt32BE(8 + brands.length, 0);
  box.write('ftyp', 4, 'latin1');
  box.write(brands, 8, 'latin1');
  return box;
};

describe('image sniffing', () => {
  it('when the bytes open as JPEG, PNG, WebP or GIF, then their magic numbers name the type', () => {
    expect(sniffImageFormat(JPEG_JFIF)).toBe('jpeg');
    expect(sniffImageFormat(JPEG_EXIF)).toBe('jpeg');
    expect(sniffImageFormat(PNG)).toBe('png');
    expect(sniffImageFormat(GIF89)).toBe('gif');
    expect(sniffImageFormat(WEBP)).toBe('webp');
  });

  it('when an ftyp box names HEIC, HEIF or AVIF brands, then the right family is recognised', () => {
    expect(sniffImageFormat(ftyp('heic', 'mif1', 'heic'))).toBe('heif');
    expect(sniffImageFormat(ftyp('heix', 'mif1'))).toBe('heif');
    expect(sniffImageFormat(ftyp('mif1', 'heic'))).toBe('heif');
    expect(sniffImageFormat(ftyp('avif', 'mif1', 'miaf'))).toBe('avif');
    expect(sniffImageFormat(ftyp('mif1', 'avif'))).toBe('avif');
    expect(sniffImageFormat(Buffer.from('GIF87a\x01\x00\x01\x00\x00\x00\x00', 'latin1'))).toBe('gif');
  });

  it('when the bytes are SVG, TIFF, PDF, HTML, video or anything else, then no type is accepted', () => {
    const refused = [
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'),
      Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
      TIFF_LE,
      TIFF_BE,
      Buffer.concat([Buffer.from('RIFF', 'latin1'), Buffer.from('24000000', 'hex'), Buffer.from('WAVEfmt ', 'latin1')]),
      Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj'),
      Buffer.from('<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>'),
      ftyp('isom', 'mp42', 'avc1'),
      ftyp('qt  '),
      Buffer.from('BM\x00\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00', 'latin1'),
      Buffer.from('plain text that is long enough'),
    ];
    for (const bytes of refused) expect(sniffImageFormat(bytes), bytes.subarray(0, 12).toString('latin1')).toBeNull();
  });

  it('when there are no bytes, or too few to hold a header, then nothing is accepted', () => {
    expect(sniffImageFormat(Buffer.alloc(0))).toBeNull();
    expect(sniffImageFormat(Buffer.from([0xff, 0xd8, 0xff]))).toBeNull();
    expect(sniffImageFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
  });
});
