import { describe, expect, it } from 'vitest';
import { composeLine, lstmLines, mergeByChecks } from '../../src/analysis/offline/document/mrz/combine-readings.ts';
import { unconfirmedBlindSpots } from '../../src/analysis/offline/document/mrz/check-digit-blind-spots.ts';
import { checkDigit } from '../../src/analysis/offline/document/mrz/check-digit.ts';
import { MRZ_LAYOUTS } from '../../src/analysis/offline/document/mrz/mrz-layouts.ts';
import { parseMrz } from '../../src/analysis/offline/document/mrz/parse-mrz.ts';

const today = '2026-11-30';
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];

describe('composeLine', () => {
  it('lays the LSTM characters into the legacy line’s non-filler cells', () => {
    // Legacy read W as N; the LSTM, given the line without fillers, read it right.
    const composed = composeLine('P<POLKONALSKI<<ANNA<<<<', 'PPOLKOWALSKIANNA');
    expect(composed.line).toBe('P<POLKOWALSKI<<ANNA<<<<');
    // Where the engines differ (N and W) nothing is agreed; fillers and matching characters are.
    expect(composed.agreed[7]).toBeNull();
    expect(composed.agreed[5]).toBe('K');
    expect(composed.agreed[1]).toBe('<');
  });

  it('aligns when the LSTM read one character too many, keeping the fillers where legacy put them', () => {
    expect(composeLine('P<POLKONALSKI<<ANNA<<<<', 'PPOLKOWALSKIANNNA').line).toMatch(/^P<POLKOWALSKI<<AN{1,2}A<<<<$/);
    expect(composeLine('P<POLKONALSKI<<ANNA<<<<', 'PPOLKOWALSKIANNNA').line).toHaveLength(23);
  });

  it('keeps the legacy characters the LSTM missed', () => {
    const composed = composeLine('L898902C36<<', 'L89890236');
    expect(composed.line).toBe('L898902C36<<');
    expect(composed.agreed[7]).toBeNull();
  });
});

describe('lstmLines', () => {
  it('keeps one string per line, dropping blanks and spaces', () => {
    expect(lstmLines('PUTO ERIKSSON ANNA\n\nL898902C36\n', ['P<UTOERIKSSON<<ANNA', 'L898902C36'])).toEqual(['PUTOERIKSSONANNA', 'L898902C36']);
  });

  it('splits run-together text by each line’s count of non-filler characters', () => {
    expect(lstmLines('ABCDEFG', ['AB<C', 'DE<<FG'])).toEqual(['ABC', 'DEFG']);
  });
});

describe('mergeByChecks', () => {
  it('takes a field from the legacy reading where only that one passes its check digit', () => {
    const combined = parseMrz([TD3[0]!, TD3[1]!.replace('7408122', '7408132')], { today });
    const legacy = parseMrz([TD3[0]!.replace('ERIKSSON', 'ERIKSS0N'), TD3[1]!], { today });
    const merged = mergeByChecks(combined, legacy, MRZ_LAYOUTS.TD3);
    expect(merged).toEqual(TD3);
  });

  it('has nothing to merge when the combined reading passes', () => {
    expect(mergeByChecks(parseMrz(TD3, { today }), parseMrz(TD3, { today }), MRZ_LAYOUTS.TD3)).toBeNull();
  });
});

describe('check-digit blind spots', () => {
  it('are real: swapping S and 8, or G and 6, never changes a check digit', () => {
    for (const field of ['S23462099', 'AGS6X8', '8<<S']) {
      expect(checkDigit(field.replace(/S/g, '8'))).toBe(checkDigit(field));
      expect(checkDigit(field.replace(/G/g, '6'))).toBe(checkDigit(field));
    }
  });

  it('flag an S, 8, G or 6 in the document number that both engines did not read', () => {
    const lines = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', '8234620999UTO7408122F1204159ZE184226B<<<<<10'];
    const agreedAll = lines.map((l) => [...l]);
    expect(unconfirmedBlindSpots(lines, agreedAll, MRZ_LAYOUTS.TD3)).toEqual([]);
    const lstmMissedFirst = agreedAll.map((l, i) => l.map((c, j) => (i === 1 && j === 0 ? null : c)));
    expect(unconfirmedBlindSpots(lines, lstmMissedFirst, MRZ_LAYOUTS.TD3)).toEqual([{ line: 1, at: 0 }]);
    // The same doubt over a date digit does not count: dates hold digits only, and digits are never blind.
    const doubtfulDate = agreedAll.map((l, i) => l.map((c, j) => (i === 1 && j === 16 ? null : c)));
    expect(unconfirmedBlindSpots(lines, doubtfulDate, MRZ_LAYOUTS.TD3)).toEqual([]);
  });
});
