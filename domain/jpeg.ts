/** A JPEG starts with SOI (FF D8) and ends with EOI (FF D9); anything else is not an image we keep. */
export function isCompleteJpeg(data: Uint8Array): boolean {
  const n = data.length;
  return n >= 4 && data[0] === 0xff && data[1] === 0xd8 && data[n - 2] === 0xff && data[n - 1] === 0xd9;
}
