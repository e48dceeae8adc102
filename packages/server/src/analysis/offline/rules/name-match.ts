// Does the name read from the ID belong to the customer the check was made for? Case, accents, hyphens and
// apostrophes do not count; the ID may carry middle names the merchant did not give; an MRZ spells names the
// ICAO way (Müller as MUELLER), so both spellings of the customer's name are tried.
import type { Customer, DocumentData } from '../../../checks/check-types.ts';
import { icaoWords, normaliseWords } from '../../../text/words.ts';

const joined = (words: string[]): string => words.join('');

/** Every word the customer gave for this part of the name is on the document, or the part reads the same joined up. */
function partMatches(given: string[], onDocument: string[]): boolean {
  if (given.length === 0) return true;
  return given.every((w) => onDocument.includes(w)) || joined(given) === joined(onDocument);
}

function matchesWith(words: (text: string) => string[], customer: Customer, document: DocumentData): boolean {
  const givenNames = words(`${document.first_name ?? ''} ${document.middle_name ?? ''}`);
  const first = words(customer.first_name ?? '');
  // A first name matches one of the document's given names (the customer may go by their middle name), or all of them.
  const firstOk = first.length === 0 || first.every((w) => givenNames.includes(w)) || joined(first) === joined(givenNames);
  return firstOk && partMatches(words(customer.last_name ?? ''), words(document.last_name ?? ''));
}

export function namesMatch(customer: Customer, document: DocumentData): boolean {
  if (!document.last_name && !document.first_name) return false;
  return matchesWith(normaliseWords, customer, document) || matchesWith(icaoWords, customer, document);
}
