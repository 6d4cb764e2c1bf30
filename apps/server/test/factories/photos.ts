import sharp from 'sharp';

/**
 * Real pictures made with sharp for the post tests: a pattern that depends on
 * `seed` (so perceptual hashes differ between seeds), in any format.
 */
export async function patternPixels(width: number, height: number, seed: number): Promise<Buffer> {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const band = Math.floor((x * (seed % 7 + 2)) / width + (y * (seed % 5 + 1)) / height) % 2;
      data[i] = band ? 220 : (x * 255) / width;
      data[i + 1] = band ? (y * 255) / height : 40 + (seed * 37) % 200;
      data[i + 2] = ((x + y + seed * 13) * 255) / (width + height) % 256;
    }
  }
  return data;
}

const raw = async (width: number, height: number, seed: number) =>
  sharp(await patternPixels(width, height, seed), { raw: { width, height, channels: 3 } });

export async function jpeg(width = 800, height = 600, seed = 1, quality = 90): Promise<Buffer> {
  return (await raw(width, height, seed)).jpeg({ quality }).toBuffer();
}

/** A JPEG as a phone writes it: EXIF orientation 6 (rotate 90°) and GPS coordinates. */
export async function phoneJpeg(width = 800, height = 600, seed = 2): Promise<Buffer> {
  return (await raw(width, height, seed))
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'PictorPhone', Model: 'Test 1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 46/1 2997/100', GPSLongitudeRef: 'W', GPSLongitude: '122/1 25/1 939/100' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

export async function png(width = 640, height = 640, seed = 3): Promise<Buffer> {
  return (await raw(width, height, seed)).png().toBuffer();
}

export async function webp(width = 640, height = 480, seed = 4): Promise<Buffer> {
  return (await raw(width, height, seed)).webp().toBuffer();
}

export async function avif(width = 320, height = 240, seed = 5): Promise<Buffer> {
  return (await raw(width, height, seed)).avif({ effort: 0 }).toBuffer();
}

/** An animated GIF of two frames: only the first is used. */
export async function animatedGif(width = 200, height = 200): Promise<Buffer> {
  const frames = Buffer.concat([await patternPixels(width, height, 6), await patternPixels(width, height, 7)]);
  return sharp(frames, { raw: { width, height: height * 2, channels: 3, pageHeight: height } as never }).gif({ loop: 0 }).toBuffer();
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A small valid PNG whose header claims width × height: the classic decompression bomb's first line. */
export async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const bytes = Buffer.from(await png(8, 8, 9));
  // IHDR data starts at byte 16 (8 signature + 4 length + 4 type).
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  bytes.writeUInt32BE(crc32(bytes.subarray(12, 29)), 29);
  return bytes;
}

/** A JPEG whose frame header claims width × height. */
export async function jpegClaiming(width: number, height: number): Promise<Buffer> {
  const bytes = Buffer.from(await jpeg(16, 16, 9));
  for (let i = 2; i < bytes.length - 9; i++) {
    if (bytes[i] === 0xff && (bytes[i + 1] === 0xc0 || bytes[i + 1] === 0xc2)) {
      bytes.writeUInt16BE(height, i + 5);
      bytes.writeUInt16BE(width, i + 7);
      return bytes;
    }
  }
  throw new Error('no SOF marker');
}

export interface FormFile {
  bytes: Buffer;
  filename?: string;
  type?: string;
  field?: string;
}

/** A multipart/form-data post: files under "images" and any text fields (with a Content-Type when given), in order. */
export function postForm(files: FormFile[], fields: [name: string, value: string, type?: string][] = []) {
  const boundary = `----pictor${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value, type] of fields) {
    const header = type ? `\r\nContent-Type: ${type}` : '';
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"${header}\r\n\r\n${value}\r\n`));
  }
  for (const [index, file] of files.entries()) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'images'}"; filename="${file.filename ?? `photo${index}.jpg`}"\r\nContent-Type: ${file.type ?? 'image/jpeg'}\r\n\r\n`));
    parts.push(file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
