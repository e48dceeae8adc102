// Names as an MRZ writes them (ICAO 9303 part 3, 6): Latin letters without diacritics, the multi-letter
// forms for Ä Ö Ü Å Æ Ø ß Þ, apostrophes dropped, hyphens and spaces as fillers.

const MULTI_LETTER: Readonly<Record<string, string>> = {
  Ä: 'AE', Ö: 'OE', Ü: 'UE', Å: 'AA', Æ: 'AE', Ø: 'OE', Œ: 'OE', ß: 'SS', Þ: 'TH', Ĳ: 'IJ', Ð: 'D', Ł: 'L', Đ: 'D', Ħ: 'H', Ŀ: 'L', Ŋ: 'N', Ŧ: 'T', ẞ: 'SS',
};

/** One name part (surname or given names) in MRZ characters: `García Márquez` → `GARCIA<MARQUEZ`. */
export function transliterateForMrz(name: string): string {
  const upper = name.toUpperCase();
  let out = '';
  for (const char of upper) {
    const mapped = MULTI_LETTER[char] ?? char.normalize('NFD').replace(/\p{M}/gu, '');
    out += mapped;
  }
  return out
    .replace(/['’]/g, '')
    .replace(/[\s\-,.]+/g, '<')
    .replace(/[^A-Z<]/g, '')
    .replace(/^<+|<+$/g, '');
}

/** The words of a transliterated name, as a parsed MRZ gives them back: `GARCIA MARQUEZ`. */
export const mrzNameWords = (name: string): string => transliterateForMrz(name).split('<').filter(Boolean).join(' ');
