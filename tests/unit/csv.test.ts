import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvDateTime, csvField, toCsv } from '~/domain/csv';
import { parseCsv } from '../fixtures/applications';

describe('CSV writer', () => {
  const rows = [
    ['Startup', 'One-liner', 'Team'],
    ['« Ça Démocratie »', 'Budgets; comptes, et "débats"', 'Léa\r\nKarim\nZoé'],
    ['Ørsted Labs', 'plain', ''],
  ];

  it.each([';', ','] as const)('round-trips accents, separators, quotes and line breaks with %s', (delimiter) => {
    const csv = toCsv(rows, { delimiter });
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(csv.slice(1), delimiter)).toEqual(rows);
  });

  it('is UTF-8 with a byte-order mark, so Excel reads the accents', () => {
    const bytes = Buffer.from(toCsv([['Ça']]), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('Ça\r\n');
  });

  it.each([
    // Quoted: every field holding ; , " CR or LF, whatever the separator, and only those.
    ['a;b', '"a;b"'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['a\nb', '"a\nb"'],
    ['a\rb', '"a\rb"'],
    ['Ça Démocratie', 'Ça Démocratie'],
    // Formulas neutralised: a leading = + - @ tab or CR becomes text.
    ['=HYPERLINK("http://evil.example","x")', '"\'=HYPERLINK(""http://evil.example"",""x"")"'],
    ['+33 1 23 45 67 89', "'+33 1 23 45 67 89"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
  ])('writes the field %j as %j (quoted if it holds ; , " CR or LF; a formula neutralised)', (field, written) => {
    expect(csvField(field)).toBe(written);
  });

  it('reads a neutralised formula back as text', () => {
    const [, parsed] = parseCsv(toCsv([['name'], ['=1+1']]).slice(1), ';');
    expect(parsed).toEqual(["'=1+1"]);
  });

  it('writes numbers, booleans and empty cells as such', () => {
    expect(toCsv([[42, -3, true, null, undefined]], { bom: false })).toBe('42;-3;true;;\r\n');
  });

  it('writes dates in the edition’s time zone, minutes included', () => {
    expect(csvDateTime(new Date('2022-06-30T21:59:59Z'), 'Europe/Paris')).toBe('2022-06-30 23:59');
    expect(csvDateTime(new Date('2022-01-15T12:00:00Z'), 'Europe/Paris')).toBe('2022-01-15 13:00');
    expect(csvDateTime(null, 'Europe/Paris')).toBe('');
  });
});
