import { create, type Font, type FontCollection } from 'fontkit';
import { DocumentError } from '../errors';

/**
 * Parses font bytes with fontkit and picks the face. A TTC without a named
 * face falls back to its Simplified Chinese face: Noto CJK collections start
 * with the Japanese one, whose glyph shapes differ for many characters.
 */
export function parseFont(bytes: Uint8Array, label: string, postscriptName?: string): Font {
  let parsed: Font | FontCollection | null;
  try {
    parsed = create(bytes);
  } catch (error) {
    throw new DocumentError('document-font-invalid', `${label}: not a font (${(error as Error).message})`, { fonts: [label] });
  }
  if (!parsed) throw new DocumentError('document-font-invalid', `${label}: not a font`, { fonts: [label] });
  if (!isCollection(parsed)) return parsed;

  const faces = parsed.fonts;
  const names = faces.map((face) => face.postscriptName);
  const wanted = postscriptName
    ? faces.find((face) => face.postscriptName === postscriptName)
    : (faces.find((face) => /CJKsc-|SC-|-GB/i.test(face.postscriptName) && !/Mono/i.test(face.postscriptName)) ?? faces[0]);
  if (!wanted) {
    throw new DocumentError('document-font-invalid', `${label}: no face named ${postscriptName ?? '(any)'}; faces: ${names.join(', ')}`, {
      fonts: [label],
    });
  }
  return wanted;
}

function isCollection(value: Font | FontCollection): value is FontCollection {
  return (value as FontCollection).type === 'TTC' || (value as FontCollection).type === 'DFont';
}
