// People's names and search words, compared the way a person would: case, accents, apostrophes and hyphens
// do not matter. "Zoë O'Connor-Smith" and "ZOE OCONNOR SMITH" are the same words.

/** Letters that Unicode does not decompose into a base letter and an accent, spelled the plain way. */
const PLAIN: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h' };

export function normaliseWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæœßłđðþıħ]/g, (c) => PLAIN[c] ?? c)
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** ICAO 9303's transliteration of the letters an MRZ spells out (Ü → UE, ß → SS…), before accents are dropped. */
const ICAO: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', å: 'aa', æ: 'ae', ø: 'oe', œ: 'oe', þ: 'th', ð: 'd', ĳ: 'ij' };

export function icaoWords(text: string): string[] {
  return normaliseWords(text.toLowerCase().replace(/[äöüßåæøœþðĳ]/g, (c) => ICAO[c] ?? c));
}
