// Reading identity documents offline: the AAMVA PDF417 on the back of US and Canadian licences and ID cards,
// and the MRZ of passports and ID cards. Load each reader once per worker thread and reuse it for every photo.

export { loadBarcodeReader } from './barcode/barcode-reader.ts';
export type { AamvaReadResult, BarcodeReader } from './barcode/barcode-reader.ts';
export { loadMrzReader } from './mrz/mrz-reader.ts';
export type { MrzReader, MrzReaderOptions, MrzReadResult } from './mrz/mrz-reader.ts';
export type { ReadFailureReason, ReadResult } from './read-result.ts';
export { parseAamva } from './aamva/parse-aamva.ts';
export type { AamvaAddress, AamvaLicence, AamvaParseResult, AamvaRequiredField } from './aamva/parse-aamva.ts';
export type { AamvaCountry } from './aamva/aamva-issuers.ts';
export { parseMrz } from './mrz/parse-mrz.ts';
export type { MrzCheckFailure, MrzCheckResult, MrzDocument, MrzParseResult, MrzSex } from './mrz/parse-mrz.ts';
export type { MrzFormat } from './mrz/mrz-layouts.ts';
export { mrzNameWords, transliterateForMrz } from './mrz/mrz-transliterate.ts';
