import { describe, expect, it } from 'vitest';
import { checkDigit, isValidCheckDigit } from '../../src/analysis/offline/document/mrz/check-digit.ts';
import { cleanMrzLine, fitLineLength, pickMrzLines } from '../../src/analysis/offline/document/mrz/mrz-lines.ts';
import { parseMrz } from '../../src/analysis/offline/document/mrz/parse-mrz.ts';
import { mrzNameWords, transliterateForMrz } from '../../src/analysis/offline/document/mrz/mrz-transliterate.ts';

const today = '2026-11-30';

// The specimens of ICAO Doc 9303 (parts 4, 5 and 6), with their published check digits.
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const TD2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];
const TD1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];

describe('check digits', () => {
  it('match the ICAO 9303 worked examples', () => {
    expect(checkDigit('L898902C3')).toBe(6);
    expect(checkDigit('740812')).toBe(2);
    expect(checkDigit('120415')).toBe(9);
    expect(checkDigit('ZE184226B<<<<<')).toBe(1);
    expect(checkDigit('520727')).toBe(3);
  });

  it('reject characters outside the MRZ alphabet and accept `<` only for an all-filler field', () => {
    expect(checkDigit('ab1')).toBeNull();
    expect(isValidCheckDigit('<<<<<<<<<<<<<<', '<')).toBe(true);
    expect(isValidCheckDigit('<<<<<<<<<<<<<<', '0')).toBe(true);
    expect(isValidCheckDigit('A<<', '<')).toBe(false);
  });
});

describe('parseMrz', () => {
  it('reads the TD3 specimen with every check digit valid', () => {
    const result = parseMrz(TD3, { today });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document).toMatchObject({
      format: 'TD3',
      documentCode: 'P',
      issuingCountry: 'UTO',
      lastName: 'ERIKSSON',
      firstNames: 'ANNA MARIA',
      documentNumber: 'L898902C3',
      nationality: 'UTO',
      birthDate: '1974-08-12',
      sex: 'F',
      expiryDate: '2012-04-15',
      optionalData: 'ZE184226B',
    });
    expect(result.checks.map((c) => c.name)).toEqual(['documentNumber', 'birthDate', 'expiryDate', 'optional1', 'composite']);
    expect(result.corrections).toBe(0);
  });

  it('reads the TD2 and TD1 specimens', () => {
    const td2 = parseMrz(TD2, { today });
    const td1 = parseMrz(TD1, { today });
    for (const result of [td2, td1]) {
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      expect(result.document).toMatchObject({ documentCode: 'I', documentNumber: 'D23145890', lastName: 'ERIKSSON', birthDate: '1974-08-12' });
    }
  });

  it('reads a TD1 document number longer than nine characters from the optional data', () => {
    // 9303 part 5's example of a 12-character number: `<` at the check digit, the rest and its check digit after.
    const number = 'D23145890734';
    const lines = ['I<UTOD23145890<7349<<<<<<<<<<<', '3407127M9507122UTO<<<<<<<<<<<2', 'STEVENSON<<PETER<JOHN<<<<<<<<<'];
    expect(checkDigit(number)).toBe(9);
    const result = parseMrz(lines, { today });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.document.documentNumber).toBe(number);
  });

  it('undoes letter/digit confusions by field type and check digits', () => {
    // OCR read O for 0 in the dates, 8 for B in the name, and 5 for S in the issuing state.
    const garbled = ['P<UT0ERIK55ON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO74O8122F12O4159ZE184226B<<<<<10'];
    const result = parseMrz(garbled, { today });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document.issuingCountry).toBe('UTO');
    expect(result.document.lastName).toBe('ERIKSSON');
    expect(result.document.birthDate).toBe('1974-08-12');
    expect(result.corrections).toBe(5);
  });

  it('settles a confusion inside the document number with its check digit', () => {
    const garbled = [TD3[0]!, 'L8989O2C36' + TD3[1]!.slice(10)];
    const result = parseMrz(garbled, { today });
    expect(result.ok && result.document.documentNumber).toBe('L898902C3');
  });

  it('refuses to guess when two corrections fit the check digits equally well', () => {
    // B (11) at position 3 and 8 at position 1 shift the weighted sum by the same amount: either could be the misread.
    const garbled = [TD3[0]!, 'L89B902C36' + TD3[1]!.slice(10)];
    expect(parseMrz(garbled, { today })).toMatchObject({ ok: false, reason: 'ambiguous' });
  });

  it('reports check_digits_failed, with what it read, when a digit is wrong', () => {
    const wrong = [TD3[0]!, TD3[1]!.replace('7408122', '7408132')];
    const result = parseMrz(wrong, { today });
    expect(result).toMatchObject({ ok: false, reason: 'check_digits_failed' });
    if (!result.ok && result.reason === 'check_digits_failed') {
      expect(result.checks.filter((c) => !c.valid).map((c) => c.name)).toEqual(['birthDate', 'composite']);
      expect(result.document.lastName).toBe('ERIKSSON');
    }
  });

  it('refuses a shifted line whose digits happen to pass the check digits', () => {
    // Read from a generated TD1 card: the M of the sex field became 51, shifting the rest of line 2; every check
    // digit still holds, but the expiry month is 31 and the sex is 5.
    const shifted = ['IDUSAS909863764013077333<<<<<<', '551024151331224SUSA90309<<<<<6', 'LEFEVRE<<KWAME<ELISE<<<<<<<<<<'];
    expect(parseMrz(shifted, { today })).toMatchObject({ ok: false, reason: 'invalid_field' });
  });

  it('refuses lines of no MRZ shape', () => {
    expect(parseMrz(['P<UTO', 'L898'], { today })).toEqual({ ok: false, reason: 'invalid_format' });
  });

  it('skips the checks a visa does not carry', () => {
    const visa = ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<'];
    const result = parseMrz(visa, { today });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.checks.map((c) => c.name)).toEqual(['documentNumber', 'birthDate', 'expiryDate']);
  });
});

describe('OCR text to MRZ lines', () => {
  it('cleans, picks the MRZ lines and mends a miscounted filler run', () => {
    const ocr = `REPUBLIC OF UTOPIA\nP<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<\nL898902C36 UTO7408122F1204159ZE184226B<<<<<<10\n`;
    const picked = pickMrzLines(ocr);
    expect(picked?.layout.format).toBe('TD3');
    expect(picked?.lines).toEqual(TD3);
  });

  it('fits a line without fillers by cutting or padding its end', () => {
    expect(fitLineLength('ABC', 5)).toBe('ABC<<');
    expect(fitLineLength('ABCDEFG', 5)).toBe('ABCDE');
    expect(cleanMrzLine('p«uto eriksson')).toBe('P<UTOERIKSSON');
  });
});

describe('transliteration', () => {
  it('follows ICAO 9303 part 3 for accents, umlauts, hyphens and apostrophes', () => {
    expect(transliterateForMrz('García Márquez')).toBe('GARCIA<MARQUEZ');
    expect(transliterateForMrz('Müller')).toBe('MUELLER');
    expect(transliterateForMrz('Søren')).toBe('SOEREN');
    expect(transliterateForMrz('Smith-Jones')).toBe('SMITH<JONES');
    expect(transliterateForMrz("O'Connor")).toBe('OCONNOR');
    expect(transliterateForMrz('Nguyễn Thị')).toBe('NGUYEN<THI');
    expect(mrzNameWords('Jean-Luc')).toBe('JEAN LUC');
  });
});
