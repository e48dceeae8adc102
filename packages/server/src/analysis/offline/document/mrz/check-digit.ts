// ICAO 9303 check digits: characters valued 0–9, A–Z = 10–35, filler `<` = 0, weighted 7, 3, 1 repeating, mod 10.

const WEIGHTS = [7, 3, 1] as const;

/** The value ICAO 9303 gives an MRZ character, or null for a character the MRZ cannot hold. */
export function mrzCharValue(char: string): number | null {
  if (char === '<') return 0;
  const code = char.charCodeAt(0);
  if (char.length !== 1) return null;
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  return null;
}

/** The check digit of `field`, or null when it holds a character outside the MRZ alphabet. */
export function checkDigit(field: string): number | null {
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const value = mrzCharValue(field[i]!);
    if (value === null) return null;
    sum += value * WEIGHTS[i % 3]!;
  }
  return sum % 10;
}

/**
 * Whether `digit` is the check digit of `field`. An all-filler optional field may carry `<` as its check
 * digit (ICAO 9303 part 4, 4.9), which reads as 0.
 */
export function isValidCheckDigit(field: string, digit: string): boolean {
  const expected = checkDigit(field);
  if (expected === null) return false;
  if (digit === '<') return expected === 0 && /^<*$/.test(field);
  return digit === String(expected);
}
