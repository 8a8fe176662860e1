import { describe, expect, it } from 'vitest';
import { asciiFileName, cleanOriginalName, contentDisposition, detectFileType, FILE_RULES, uploadProblem } from '~/domain/file-types';

const bytes = (...values: (number | string)[]) =>
  Uint8Array.from(values.flatMap((v) => (typeof v === 'string' ? [...Buffer.from(v, 'latin1')] : [v])));

const PDF = bytes('%PDF-1.7\n%âãÏÓ');
const PNG = bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF');
const WEBP = bytes('RIFF', 0x24, 0, 0, 0, 'WEBPVP8 ');
const SVG = bytes('<svg xmlns="http://www.w3.org/2000/svg">');
const GIF = bytes('GIF89a', 1, 0, 1, 0);
const ZIP = bytes('PK', 3, 4, 20, 0, 0, 0);

describe('file types from the first bytes', () => {
  it.each([
    ['PDF', PDF, 'pdf'],
    ['PNG', PNG, 'png'],
    ['JPEG', JPEG, 'jpeg'],
    ['WebP', WEBP, 'webp'],
    ['SVG', SVG, null],
    ['GIF', GIF, null],
    ['ZIP (a .docx or .pptx)', ZIP, null],
    ['RIFF that is not WebP (a WAV)', bytes('RIFF', 0x24, 0, 0, 0, 'WAVEfmt '), null],
    ['nothing', new Uint8Array(), null],
    ['a truncated PNG signature', PNG.subarray(0, 4), null],
  ])('%s', (_name, head, expected) => {
    expect(detectFileType(head)).toBe(expected);
  });

  it('a deck must be a PDF: a PNG named deck.pdf is refused, whatever its name', () => {
    expect(uploadProblem('deck', PDF, 1000)).toBeNull();
    expect(uploadProblem('deck', PNG, 1000)).toBe('wrongType');
    expect(uploadProblem('deck', SVG, 1000)).toBe('wrongType');
  });

  it('a logo must be PNG, JPEG or WebP, never SVG', () => {
    expect(uploadProblem('logo', PNG, 1000)).toBeNull();
    expect(uploadProblem('logo', JPEG, 1000)).toBeNull();
    expect(uploadProblem('logo', WEBP, 1000)).toBeNull();
    expect(uploadProblem('logo', SVG, 1000)).toBe('wrongType');
    expect(uploadProblem('logo', PDF, 1000)).toBe('wrongType');
  });

  it('refuses empty files and files over the limit (20 MB decks, 2 MB logos)', () => {
    expect(FILE_RULES.deck.maxBytes).toBe(20 * 1024 * 1024);
    expect(FILE_RULES.logo.maxBytes).toBe(2 * 1024 * 1024);
    expect(uploadProblem('deck', PDF, 0)).toBe('empty');
    expect(uploadProblem('deck', PDF, FILE_RULES.deck.maxBytes)).toBeNull();
    expect(uploadProblem('deck', PDF, FILE_RULES.deck.maxBytes + 1)).toBe('tooLarge');
    expect(uploadProblem('logo', PNG, FILE_RULES.logo.maxBytes + 1)).toBe('tooLarge');
  });
});

describe('file names', () => {
  it('keeps only the base name, without control characters', () => {
    expect(cleanOriginalName('C:\\Users\\léa\\Pitch\u0000 2022.pdf')).toBe('Pitch 2022.pdf');
    expect(cleanOriginalName('../../etc/passwd')).toBe('passwd');
    expect(cleanOriginalName('')).toBe('file');
  });

  it('makes an ASCII name with the extension of the real type', () => {
    expect(asciiFileName('Présentation « Ça Démocratie ».pdf', 'pdf')).toBe('Presentation_Ca Democratie.pdf');
    expect(asciiFileName('logo.pdf', 'png')).toBe('logo.png');
    expect(asciiFileName('"; rm -rf.pdf', 'pdf')).toBe('rm -rf.pdf');
    expect(asciiFileName('日本語.pdf', 'pdf')).toBe('file.pdf');
  });

  it('sends both filename (ASCII) and filename* (UTF-8) in Content-Disposition', () => {
    expect(contentDisposition('attachment', 'Présentation (v2).pdf', 'pdf')).toBe(
      `attachment; filename="Presentation_v2.pdf"; filename*=UTF-8''Pr%C3%A9sentation%20%28v2%29.pdf`,
    );
    expect(contentDisposition('inline', 'logo', 'png')).toBe(`inline; filename="logo.png"; filename*=UTF-8''logo.png`);
    expect(contentDisposition('inline', 'photo.JPG', 'jpeg')).toContain(`filename*=UTF-8''photo.JPG`);
  });
});
