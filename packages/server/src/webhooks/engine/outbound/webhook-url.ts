// Parses a merchant's webhook URL and refuses the shapes we never send to.

export type UrlErrorCode = 'invalid_url' | 'https_required';

export type ParsedWebhookUrl =
  | { readonly ok: true; readonly url: URL }
  | { readonly ok: false; readonly errorCode: UrlErrorCode; readonly errorMessage: string };

const invalid = (errorMessage: string): ParsedWebhookUrl => ({ ok: false, errorCode: 'invalid_url', errorMessage });

/**
 * WHATWG parsing also canonicalises the host: odd IPv4 spellings (`0x7f.1`, `2130706433`) become
 * dotted quads and IPv6 is compressed, so later checks see one spelling per address.
 */
export function parseWebhookUrl(raw: string, requireHttps: boolean): ParsedWebhookUrl {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return invalid('not a valid absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return invalid(`unsupported scheme ${url.protocol}`);
  // Credentials in a URL end up in logs and proxies; receivers must authenticate us by signature.
  if (url.username !== '' || url.password !== '') return invalid('credentials in the URL are not allowed');
  if (url.hostname === '') return invalid('missing host');
  if (requireHttps && url.protocol !== 'https:') {
    return { ok: false, errorCode: 'https_required', errorMessage: 'live mode requires an https URL' };
  }
  return { ok: true, url };
}
