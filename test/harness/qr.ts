import jsQR from 'jsqr';

// omggif ships no types: the decoder the tests use to turn the GIF back into pixels.
const { GifReader } = require('omggif') as {
  GifReader: new (bytes: Uint8Array) => {
    width: number;
    height: number;
    decodeAndBlitFrameRGBA(frame: number, pixels: Uint8ClampedArray): void;
  };
};

/** Reads a QR code back from GIF bytes (as a phone's camera would): the exact text it carries. */
export function readQrGif(bytes: ArrayLike<number>): string {
  const reader = new GifReader(Uint8Array.from(bytes));
  const pixels = new Uint8ClampedArray(reader.width * reader.height * 4);
  reader.decodeAndBlitFrameRGBA(0, pixels);
  const code = jsQR(pixels, reader.width, reader.height);
  if (!code) throw new Error('no QR code in the image');
  return new TextDecoder().decode(Uint8Array.from(code.binaryData));
}
