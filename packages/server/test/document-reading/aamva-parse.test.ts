import { describe, expect, it } from 'vitest';
import { parseAamvaDate } from '../../src/analysis/offline/document/aamva/aamva-dates.ts';
import { parseAamvaHeader } from '../../src/analysis/offline/document/aamva/aamva-header.ts';
import { parseAamva } from '../../src/analysis/offline/document/aamva/parse-aamva.ts';

// A version 10 (2020) Virginia card laid out as annex D shows it: header, two designators, DL and ZV subfiles.
const V10 =
  '@\n\x1e\rANSI 636000100002DL00410278ZV03190008DLDAQT64235789\nDCSSAMPLE\nDDEN\nDACMICHAEL\nDDFN\nDADJOHN\nDDGN\nDCUJR\nDCAD\nDCBK\nDCDPH\n' +
  'DBD06062019\nDBB06061986\nDBA12102024\nDBC1\nDAU068 in\nDAYBRO\nDAG2300 WEST BROAD STREET\nDAIRICHMOND\nDAJVA\nDAK232690000  \n' +
  'DCF2424244747474786102204\nDCGUSA\nDCK123456789\nDDAF\nDDB06062018\nDDC06062020\nDDD1\rZVZVA01\r';

describe('parseAamvaHeader', () => {
  it('reads IIN, versions, entries and designators', () => {
    expect(parseAamvaHeader(V10)).toMatchObject({
      fileType: 'ANSI',
      iin: '636000',
      aamvaVersion: 10,
      jurisdictionVersion: 0,
      entries: 2,
      designators: [{ type: 'DL', offset: 41, length: 278 }, { type: 'ZV', offset: 319, length: 8 }],
      deviations: [],
    });
  });

  it('reads a version 1 header, which has no jurisdiction version, and the older AAMVA file type', () => {
    const header = parseAamvaHeader('@\n\x1e\rAAMVA6360140101DL00290120DLDAQ123\r');
    expect(header).toMatchObject({ fileType: 'AAMVA', iin: '636014', aamvaVersion: 1, jurisdictionVersion: null, entries: 1 });
    expect(header?.designators).toEqual([{ type: 'DL', offset: 29, length: 120 }]);
  });

  it('is null for text that is no AAMVA barcode', () => {
    expect(parseAamvaHeader('https://example.com/qr')).toBeNull();
  });
});

describe('parseAamvaDate', () => {
  it('reads US MMDDCCYY and Canadian CCYYMMDD, falling back to the other order', () => {
    expect(parseAamvaDate('06061986', 'MMDDCCYY')).toBe('1986-06-06');
    expect(parseAamvaDate('19860606', 'CCYYMMDD')).toBe('1986-06-06');
    expect(parseAamvaDate('19860606', 'MMDDCCYY')).toBe('1986-06-06');
    expect(parseAamvaDate('02301990', 'MMDDCCYY')).toBeNull();
    expect(parseAamvaDate('1986-06-06', 'MMDDCCYY')).toBe('1986-06-06');
  });
});

describe('parseAamva', () => {
  it('reads the version 10 sample into typed fields', () => {
    const result = parseAamva(V10);
    expect(result).toEqual({
      ok: true,
      missing: [],
      deviations: [],
      licence: {
        documentType: 'DL',
        aamvaVersion: 10,
        jurisdictionVersion: 0,
        iin: '636000',
        jurisdiction: 'VA',
        country: 'USA',
        firstName: 'MICHAEL',
        middleName: 'JOHN',
        lastName: 'SAMPLE',
        birthDate: '1986-06-06',
        expiryDate: '2024-12-10',
        issueDate: '2019-06-06',
        documentNumber: 'T64235789',
        sex: 'M',
        address: { street: '2300 WEST BROAD STREET', city: 'RICHMOND', state: 'VA', postalCode: '23269' },
      },
    });
  });

  it('reads a Canadian card: CCYYMMDD dates and a postal code with its space', () => {
    const text =
      '@\n\x1e\rANSI 636012080002DL00410150ZO01910010DLDAQS12345678901234\nDCSTREMBLAY\nDACCHLOE\nDADNONE\nDBD20200115\nDBB19900307\n' +
      'DBA20250307\nDBC2\nDAG12 KING ST W\nDAITORONTO\nDAJON\nDAKM5V2T6\nDCGCAN\rZOZOAX\r';
    const result = parseAamva(text);
    expect(result.ok && result.licence).toMatchObject({
      jurisdiction: 'ON',
      country: 'CAN',
      lastName: 'TREMBLAY',
      firstName: 'CHLOE',
      middleName: '',
      birthDate: '1990-03-07',
      expiryDate: '2025-03-07',
      sex: 'F',
      address: { postalCode: 'M5V 2T6' },
    });
  });

  it('reads version 1 full names (DAA) and versions 2–3 given names (DCT)', () => {
    const v1 = parseAamva('@\n\x1e\rANSI 6360140101DL00290100DLDAQD1234567\nDAASMITH-JONES,MARY ANN,LEE\nDBB19850515\nDBA20270515\nDAJCA\r');
    expect(v1.ok && v1.licence).toMatchObject({ lastName: 'SMITH-JONES', firstName: 'MARY ANN', middleName: 'LEE', birthDate: '1985-05-15', country: 'USA' });
    const v3 = parseAamva('@\n\x1e\rANSI 636001030001DL00310100DLDAQ123456789\nDCSO\'CONNOR\nDCTJOHN PAUL\nDBB05151985\nDBA05152027\r');
    expect(v3.ok && v3.licence).toMatchObject({ lastName: "O'CONNOR", firstName: 'JOHN', middleName: 'PAUL', jurisdiction: 'NY' });
  });

  it('tolerates wrong offsets, a missing header space, CRLF and trailing spaces', () => {
    const noisy = V10.replace('ANSI ', 'ANSI').replace('DL00410278', 'DL00450278').replace(/\n/g, '\r\n').replace('DCSSAMPLE', 'DCSSAMPLE   ');
    const result = parseAamva(noisy);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.licence).toMatchObject({ lastName: 'SAMPLE', firstName: 'MICHAEL', documentNumber: 'T64235789', birthDate: '1986-06-06' });
    expect(result.deviations).toEqual(expect.arrayContaining(['file_type_spacing', 'subfile_offset']));
  });

  it('falls back to element lines when there is no header at all', () => {
    const result = parseAamva('DAQ99999\nDCSDOE\nDACJANE\nDBB01021990\nDBA01022030\nDAJTX\n');
    expect(result.ok && result.licence).toMatchObject({ lastName: 'DOE', firstName: 'JANE', jurisdiction: 'TX', aamvaVersion: null });
    expect(result.ok && result.deviations).toEqual(['no_header']);
  });

  it('names the required fields it could not find', () => {
    const result = parseAamva('@\n\x1e\rANSI 636014090001DL00310040DLDAQX1\nDCSDOE\r');
    expect(result.ok && result.missing).toEqual(['firstName', 'birthDate', 'expiryDate']);
  });

  it('refuses text that is not an AAMVA payload', () => {
    expect(parseAamva('WIFI:S:home;T:WPA;P:secret;;')).toEqual({ ok: false, reason: 'not_aamva' });
  });
});
