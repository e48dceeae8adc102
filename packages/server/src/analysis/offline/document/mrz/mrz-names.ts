// The name field of an MRZ: primary identifier (surname), `<<`, secondary identifier (given names), with `<`
// between the words of each and fillers after (ICAO 9303 part 3, 4.6).

export interface MrzNames {
  lastName: string;
  firstNames: string;
}

const words = (part: string): string => part.split('<').filter(Boolean).join(' ');

export function parseMrzNames(field: string): MrzNames {
  const trimmed = field.replace(/<+$/, '');
  const split = trimmed.indexOf('<<');
  if (split < 0) return { lastName: words(trimmed), firstNames: '' };
  return { lastName: words(trimmed.slice(0, split)), firstNames: words(trimmed.slice(split + 2)) };
}
