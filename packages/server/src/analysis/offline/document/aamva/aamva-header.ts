// The header of an AAMVA DL/ID barcode (Card Design Standard, annex D): compliance indicator `@`, the three
// separators, file type `ANSI ` (or the older `AAMVA`), IIN, versions, number of entries and the subfile
// designators. Real cards bend it (no space after ANSI, other separators), so it is read by pattern, not offset.

export interface SubfileDesignator {
  /** `DL`, `ID`, or a jurisdiction's own `Z?`. */
  type: string;
  offset: number;
  length: number;
}

export interface AamvaHeader {
  fileType: 'ANSI' | 'AAMVA';
  /** Issuer identification number, six digits. */
  iin: string;
  /** 1–10 (DL/ID-2000 is 1, the 2020 standard is 10). */
  aamvaVersion: number;
  /** Absent in version 1. */
  jurisdictionVersion: number | null;
  entries: number;
  designators: SubfileDesignator[];
  /** Where the designators end: subfile data starts at or after it. */
  end: number;
  /** Departures from the standard that were tolerated. */
  deviations: string[];
}

const FILE_TYPE = /(ANSI ?|AAMVA)(\d{6})(\d{2})/;
const DESIGNATOR = /^([A-Z]{2})(\d{4})(\d{4})/;

function separatorDeviations(text: string, fileTypeAt: number): string[] {
  const deviations: string[] = [];
  if (text[0] !== '@') deviations.push('compliance_indicator');
  if (text.slice(1, fileTypeAt) !== '\n\x1e\r') deviations.push('separators');
  return deviations;
}

function readDesignators(text: string, from: number, entries: number): { designators: SubfileDesignator[]; end: number } {
  const designators: SubfileDesignator[] = [];
  let at = from;
  for (let i = 0; i < Math.max(entries, 1); i++) {
    const match = DESIGNATOR.exec(text.slice(at, at + 10));
    if (!match) break;
    designators.push({ type: match[1]!, offset: Number(match[2]), length: Number(match[3]) });
    at += 10;
  }
  return { designators, end: at };
}

/** The header, or null when the text has no `ANSI`/`AAMVA` file type near its start. */
export function parseAamvaHeader(text: string): AamvaHeader | null {
  const match = FILE_TYPE.exec(text.slice(0, 40));
  if (!match || match.index === undefined) return null;
  const version = Number(match[3]);
  let at = match.index + match[0].length;
  const jurisdictionVersion = version >= 2 ? Number(text.slice(at, at + 2)) : null;
  if (version >= 2) at += 2;
  const entries = Number(text.slice(at, at + 2));
  const { designators, end } = readDesignators(text, at + 2, entries);
  const deviations = separatorDeviations(text, match.index);
  if (match[1] === 'ANSI') deviations.push('file_type_spacing');
  if (designators.length !== entries) deviations.push('entries');
  return {
    fileType: match[1]!.startsWith('ANSI') ? 'ANSI' : 'AAMVA',
    iin: match[2]!,
    aamvaVersion: version,
    jurisdictionVersion: jurisdictionVersion !== null && Number.isFinite(jurisdictionVersion) ? jurisdictionVersion : null,
    entries: Number.isFinite(entries) ? entries : 0,
    designators,
    end,
    deviations,
  };
}
