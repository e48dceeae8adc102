// Which fields of a read document differ from the fields the synthetic document was made from.
import type { AamvaLicence } from '../../../src/analysis/offline/document/aamva/parse-aamva.ts';
import type { MrzDocument } from '../../../src/analysis/offline/document/mrz/parse-mrz.ts';
import type { AamvaFields } from './aamva-encode.ts';
import type { MrzFields } from './mrz-encode.ts';

const differing = (pairs: Record<string, [unknown, unknown]>): string[] =>
  Object.entries(pairs).flatMap(([name, [read, made]]) => (read === made ? [] : [name]));

export function aamvaMismatches(licence: AamvaLicence, fields: AamvaFields): string[] {
  return differing({
    lastName: [licence.lastName, fields.lastName],
    firstName: [licence.firstName, fields.firstName],
    middleName: [licence.middleName, fields.middleName],
    birthDate: [licence.birthDate, fields.birthDate],
    expiryDate: [licence.expiryDate, fields.expiryDate],
    issueDate: [licence.issueDate, fields.issueDate],
    documentNumber: [licence.documentNumber, fields.documentNumber],
    sex: [licence.sex, fields.sex],
    jurisdiction: [licence.jurisdiction, fields.jurisdiction],
    country: [licence.country, fields.country],
    documentType: [licence.documentType, fields.documentType],
    street: [licence.address.street, fields.street],
    city: [licence.address.city, fields.city],
    postalCode: [licence.address.postalCode, fields.postalCode],
  });
}

/** Names compared word by word as the MRZ holds them (the name field may have cut them short). */
export function mrzMismatches(document: MrzDocument, fields: MrzFields, lines: readonly string[]): string[] {
  const mismatches = differing({
    documentNumber: [document.documentNumber, fields.documentNumber],
    birthDate: [document.birthDate, fields.birthDate],
    expiryDate: [document.expiryDate, fields.expiryDate],
    sex: [document.sex, fields.sex],
    nationality: [document.nationality, fields.nationality],
    issuingCountry: [document.issuingCountry, fields.issuingCountry],
    documentCode: [document.documentCode, fields.documentCode],
  });
  if (document.lines.join('\n') !== lines.join('\n')) mismatches.push('lines');
  const fullName = `${fields.lastName}<<${fields.firstNames}`.replace(/</g, ' ').trim().replace(/\s+/g, ' ');
  const readName = `${document.lastName} ${document.firstNames}`.trim();
  if (!fullName.startsWith(readName) || readName.length === 0) mismatches.push('names');
  return mismatches;
}
