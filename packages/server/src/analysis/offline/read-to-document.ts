// What a barcode or an MRZ says, under the names the check object uses (`result.document`), with where it came from.
import type { DocumentData } from '../../checks/check-types.ts';
import type { AamvaLicence, MrzDocument } from './document/index.ts';

/** Fields only: absent values are left out, not sent as empty strings. */
function present<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v !== '')) as T;
}

export function fromBarcode(licence: AamvaLicence): DocumentData {
  const a = licence.address;
  const address = present({ street: a.street, city: a.city, state: a.state, postal_code: a.postalCode, country: licence.country });
  return present({
    source: 'barcode' as const,
    document_type: licence.documentType === 'DL' ? ('drivers_license' as const) : ('id_card' as const),
    issuing_country: licence.country,
    issuing_state: licence.jurisdiction,
    first_name: licence.firstName,
    middle_name: licence.middleName,
    last_name: licence.lastName,
    birth_date: licence.birthDate ?? undefined,
    expiration_date: licence.expiryDate ?? undefined,
    issue_date: licence.issueDate ?? undefined,
    document_number: licence.documentNumber,
    sex: licence.sex ?? undefined,
    ...(Object.keys(address).length > 1 ? { address } : {}),
  });
}

export function fromMrz(mrz: MrzDocument): DocumentData {
  const [first, ...middle] = mrz.firstNames.split(' ').filter(Boolean);
  return present({
    source: 'mrz' as const,
    document_type: mrz.documentCode.startsWith('P') ? ('passport' as const) : ('id_card' as const),
    issuing_country: mrz.issuingCountry,
    nationality: mrz.nationality,
    first_name: first,
    middle_name: middle.join(' '),
    last_name: mrz.lastName,
    birth_date: mrz.birthDate ?? undefined,
    expiration_date: mrz.expiryDate ?? undefined,
    document_number: mrz.documentNumber,
    sex: mrz.sex,
  });
}
