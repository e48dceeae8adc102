import { describe, expect, it } from 'vitest';
import { composeLine, lstmLines, mergeByChecks } from '../../src/analysis/offline/document/mrz/combine-readings.ts';
import { MRZ_LAYOUTS } from '../../src/analysis/offline/document/mrz/mrz-layouts.ts';
import { parseMrz } from '../../src/analysis/offline/document/mrz/parse-mrz.ts';

const today = '2026-11-30';
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];

describe('composeLine', () => {
  it('lays the LSTM characters into the legacy line’s non-filler cells', () => {
    // Legacy read W as N; the LSTM, given the line without fillers, read it right.
    expect(composeLine('P<POLKONALSKI<<ANNA<<<<', 'PPOLKOWALSKIANNA')).toBe('P<POLKOWALSKI<<ANNA<<<<');
  });

  it('aligns when the LSTM read one character too many, keeping the fillers where legacy put them', () => {
    expect(composeLine('P<POLKONALSKI<<ANNA<<<<', 'PPOLKOWALSKIANNNA')).toMatch(/^P<POLKOWALSKI<<AN{1,2}A<<<<$/);
    expect(composeLine('P<POLKONALSKI<<ANNA<<<<', 'PPOLKOWALSKIANNNA')).toHaveLength(23);
  });

  it('keeps the legacy characters the LSTM missed', () => {
    expect(composeLine('L898902C36<<', 'L89890236')).toBe('L898902C36<<');
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
