import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sniffImageFormat } from './image-policy.js';

const base = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#3366cc' } });
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
  it('when the bytes are JPEG, PNG, WebP, GIF or AVIF made by an encoder, then their magic numbers name the type', async () => {
    expect(sniffImageFormat(await base().jpeg().toBuffer())).toBe('jpeg');
    expect(sniffImageFormat(await base().png().toBuffer())).toBe('png');
    expect(sniffImageFormat(await base().webp().toBuffer())).toBe('webp');
    expect(sniffImageFormat(await base().gif().toBuffer())).toBe('gif');
    expect(sniffImageFormat(await base().avif().toBuffer())).toBe('avif');
  });

  it('when an ftyp box names HEIC, HEIF or AVIF brands, then the right family is recognised', () => {
    expect(sniffImageFormat(ftyp('heic', 'mif1', 'heic'))).toBe('heif');
    expect(sniffImageFormat(ftyp('heix', 'mif1'))).toBe('heif');
    expect(sniffImageFormat(ftyp('mif1', 'heic'))).toBe('heif');
    expect(sniffImageFormat(ftyp('avif', 'mif1', 'miaf'))).toBe('avif');
    expect(sniffImageFormat(ftyp('mif1', 'avif'))).toBe('avif');
    expect(sniffImageFormat(Buffer.from('GIF87a\x01\x00\x01\x00\x00\x00\x00', 'latin1'))).toBe('gif');
  });

  it('when the bytes are SVG, TIFF, PDF, HTML, video or anything else, then no type is accepted', async () => {
    const refused = [
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'),
      Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
      await base().tiff().toBuffer(),
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
