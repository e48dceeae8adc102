import { describe, expect, it } from 'vitest';
import { composeLine, decideFields, lstmLines } from '../../src/analysis/offline/document/mrz/combine-readings.ts';
import { namesConfirmed } from '../../src/analysis/offline/document/mrz/name-confirmation.ts';
import { unconfirmedBlindSpots } from '../../src/analysis/offline/document/mrz/check-digit-blind-spots.ts';
import { checkDigit } from '../../src/analysis/offline/document/mrz/check-digit.ts';
import { encodeMrz } from '../support/synthetic/mrz-encode.ts';
import { MRZ_LAYOUTS } from '../../src/analysis/offline/document/mrz/mrz-layouts.ts';
import { parseMrz } from '../../src/analysis/offline/document/mrz/parse-mrz.ts';

const today = '2026-11-30';
/** One engine's reading of `lines`, as the reader hands it to decideFields. */
const reading = (lines: string[]) => ({ raw: lines, parsed: parseMrz(lines, { today }) });

const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];

describe('composeLine', () => {
  it('lays the LSTM characters into the legacy line’s non-filler cells', () => {
    // Legacy read W as N; the LSTM, given the line without fillers, read it right.
    const composed = composeLine('P<POLKONALSKI<<ANNA<<<<', 'PPOLKOWALSKIANNA');
    expect(composed.line).toBe('P<POLKOWALSKI<<ANNA<<<<');
    // What the LSTM read at each position: nothing at the fillers.
    expect(composed.lstm[7]).toBe('W');
    expect(composed.lstm[5]).toBe('K');
    expect(composed.lstm[1]).toBeNull();
  });

  it('aligns when the LSTM read one character too many, keeping the fillers where legacy put them', () => {
    expect(composeLine('P<POLKONALSKI<<ANNA<<<<', 'PPOLKOWALSKIANNNA').line).toMatch(/^P<POLKOWALSKI<<AN{1,2}A<<<<$/);
    expect(composeLine('P<POLKONALSKI<<ANNA<<<<', 'PPOLKOWALSKIANNNA').line).toHaveLength(23);
  });

  it('keeps the legacy characters the LSTM missed', () => {
    const composed = composeLine('L898902C36<<', 'L89890236');
    expect(composed.line).toBe('L898902C36<<');
    expect(composed.lstm[7]).toBeNull();
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

describe('decideFields', () => {
  it('takes a field from the legacy reading where only that one passes its check digit', () => {
    const combined = reading([TD3[0]!, TD3[1]!.replace('7408122', '7408132')]);
    const legacy = reading([TD3[0]!.replace('ERIKSSON', 'ERIKSS0N'), TD3[1]!]);
    expect(decideFields(combined, legacy, MRZ_LAYOUTS.TD3)).toEqual(TD3);
  });

  it('is ambiguous when the readings differ in a field and both pass its check digit', () => {
    // T44491267 and T44L91Z67 share their check digit: L and Z at weight 7 add 17 + 33 = 50 ≡ 0 (mod 10).
    const a = ['IDUTOT444912674<<<<<<<<<<<<<<<', '8807179F2901112UTO<<<<<<<<<<<0', 'LEFEVRE<<EMILIE<<<<<<<<<<<<<<<'];
    const b = [a[0]!.replace('T44491267', 'T44L91Z67'), a[1]!, a[2]!];
    expect(parseMrz(b, { today }).ok).toBe(true);
    expect(decideFields(reading(b), reading(a), MRZ_LAYOUTS.TD1)).toBe('ambiguous');
  });

  it('keeps the LSTM’s S where the legacy engine read 8 and both pass the check digits', () => {
    const truth = encodeMrz({
      format: 'TD3', documentCode: 'P', issuingCountry: 'UTO', lastName: 'ERIKSSON', firstNames: 'ANNA', documentNumber: 'S23462099',
      nationality: 'UTO', birthDate: '1974-08-12', sex: 'F', expiryDate: '2032-04-15', optional1: '', optional2: '',
    });
    const legacyRead = [truth[0]!, truth[1]!.replace('S23462099', '823462099')];
    expect(parseMrz(truth, { today }).ok && parseMrz(legacyRead, { today }).ok).toBe(true);
    expect(decideFields(reading(truth), reading(legacyRead), MRZ_LAYOUTS.TD3)).toEqual(truth);
  });

  it('prefers a field that passes as read to one that passes only after a correction', () => {
    // From a generated page: the legacy engine read W as N, and its correction then found a substitution the
    // check digit accepts; the LSTM read the number right.
    const truth = ['P<CANERIKSSON<<NGUYEN<THI<<<<<<<<<<<<<<<<<<<', 'W540767825CAN8404213F2809012<<<<<<<<<<<<<<00'];
    const legacyRead = [truth[0]!, truth[1]!.replace('W54', 'N54')];
    const legacy = reading(legacyRead);
    expect(legacy.parsed.ok && legacy.parsed.checks.find((c) => c.name === 'documentNumber')?.corrected).toBe(true);
    expect(decideFields(reading(truth), legacy, MRZ_LAYOUTS.TD3)).toEqual(truth);
  });

  it('keeps the combined reading where both agree', () => {
    expect(decideFields(reading(TD3), reading(TD3), MRZ_LAYOUTS.TD3)).toEqual(TD3);
  });

  it('refuses a field that passes only through a correction the other engine did not read', () => {
    // The legacy engine read J for W, and its correction then turned a 5 into S, which passes both the number's
    // check digit and the composite; the LSTM read a 5 there (and K for the W), so nothing supports the S.
    const truth = ['IDUTOW053355652<<<<<<<<<<<<<<<', '9105296F2810227UTO<<<<<<<<<<<0', 'TREMBLAY<<CHLOE<<<<<<<<<<<<<<<'];
    const legacy = reading([truth[0]!.replace('W05', 'J05'), truth[1]!, truth[2]!]);
    const lstm = reading([truth[0]!.replace('W05', 'K05'), truth[1]!, truth[2]!]);
    expect(legacy.parsed.ok && legacy.parsed.document.documentNumber).toBe('J05335S65');
    expect('checks' in lstm.parsed && lstm.parsed.checks[0]!.valid).toBe(false);
    expect(decideFields(lstm, legacy, MRZ_LAYOUTS.TD1)).toBe('ambiguous');
  });
});

describe('check-digit blind spots', () => {
  it('are real: swapping S and 8, or G and 6, never changes a check digit', () => {
    for (const field of ['S23462099', 'AGS6X8', '8<<S']) {
      expect(checkDigit(field.replace(/S/g, '8'))).toBe(checkDigit(field));
      expect(checkDigit(field.replace(/G/g, '6'))).toBe(checkDigit(field));
    }
  });

  it('flag an S, 8, G or 6 in the document number that the LSTM did not read as such', () => {
    const lines = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', '8234620999UTO7408122F1204159ZE184226B<<<<<10'];
    const lstmReadAll = lines.map((l) => [...l].map((c) => (c === '<' ? null : c)));
    expect(unconfirmedBlindSpots(lines, lstmReadAll, MRZ_LAYOUTS.TD3)).toEqual([]);
    const lstmSkipped = lstmReadAll.map((l, i) => l.map((c, j) => (i === 1 && j === 0 ? null : c)));
    expect(unconfirmedBlindSpots(lines, lstmSkipped, MRZ_LAYOUTS.TD3)).toEqual([{ line: 1, at: 0 }]);
    const lstmReadS = lstmReadAll.map((l, i) => l.map((c, j) => (i === 1 && j === 0 ? 'S' : c)));
    expect(unconfirmedBlindSpots(lines, lstmReadS, MRZ_LAYOUTS.TD3)).toEqual([{ line: 1, at: 0 }]);
    // A doubt over a date digit does not count: dates hold digits only, and digits are never blind.
    const doubtfulDate = lstmReadAll.map((l, i) => l.map((c, j) => (i === 1 && j === 16 ? null : c)));
    expect(unconfirmedBlindSpots(lines, doubtfulDate, MRZ_LAYOUTS.TD3)).toEqual([]);
  });
});

describe('namesConfirmed', () => {
  it('holds when the name line’s letters are what the LSTM read, digits for letters allowed', () => {
    expect(namesConfirmed(TD3, ['PUTOERIKSSONANNAMAR1A', ''], MRZ_LAYOUTS.TD3)).toBe(true);
  });

  it('fails when the letters were laid together by alignment and differ from the LSTM’s', () => {
    // From a generated card: the legacy engine read M as IV, and the composition kept a stray K.
    const read = ['ACCANIVANOVA<<FATIIVMA<ANK<<<<<<<<<<', 'W889442641CAN7805215F3301225<<<<<<<6'];
    expect(namesConfirmed(read, ['ACCANIVANOVAFATIMAANN', 'W889442641CAN7805215F3301225 6'], MRZ_LAYOUTS.TD2)).toBe(false);
  });
});
