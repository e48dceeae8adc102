// The data elements of an AAMVA barcode: find the DL/ID subfile (at its designated offset, or where it
// really starts when the offset is wrong), split it at the element separator and key each value by its ID.
import type { AamvaHeader } from './aamva-header.ts';

export interface AamvaElements {
  /** `DL` or `ID`; null when no designated subfile was found and elements were gathered from the whole text. */
  subfileType: 'DL' | 'ID' | null;
  /** Element ID (`DAQ`, `DCS`…) → value with padding trimmed. The first occurrence wins. */
  values: Map<string, string>;
  offsetWrong: boolean;
}

const ELEMENT = /^([A-Z][A-Z0-9]{2})(.*)$/s;

/** Where the subfile of `type` starts: its offset if the type code is there, else its first occurrence after the header. */
function subfileStart(text: string, header: AamvaHeader, type: string, offset: number): { at: number; offsetWrong: boolean } | null {
  if (text.slice(offset, offset + 2) === type) return { at: offset, offsetWrong: false };
  const found = new RegExp(`${type}(?=[A-Z]{3}|\\n)`, 'g');
  found.lastIndex = header.end;
  const match = found.exec(text);
  return match ? { at: match.index, offsetWrong: true } : null;
}

/** Whitespace and control characters (separators a card misplaced) count as padding. */
const isPadding = (char: string): boolean => char.charCodeAt(0) <= 0x20;

function trimPadding(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isPadding(text[start]!)) start++;
  while (end > start && isPadding(text[end - 1]!)) end--;
  return text.slice(start, end);
}

function addElements(values: Map<string, string>, body: string): void {
  for (const piece of body.split(/[\n\r]+/)) {
    const match = ELEMENT.exec(trimPadding(piece));
    if (!match) continue;
    const value = trimPadding(match[2]!);
    if (!values.has(match[1]!)) values.set(match[1]!, value);
  }
}

/** Elements of the DL/ID subfile(s); with no usable header, every element-shaped line in the text. */
export function readAamvaElements(text: string, header: AamvaHeader | null): AamvaElements {
  const values = new Map<string, string>();
  let subfileType: AamvaElements['subfileType'] = null;
  let offsetWrong = false;
  for (const designator of header?.designators ?? []) {
    if (designator.type !== 'DL' && designator.type !== 'ID') continue;
    const start = subfileStart(text, header!, designator.type, designator.offset);
    if (!start) continue;
    // A CR followed by LF is a card using CRLF between elements, not the segment terminator.
    const end = /\r(?!\n)/g;
    end.lastIndex = start.at + 2;
    const terminator = end.exec(text);
    addElements(values, text.slice(start.at + 2, terminator ? terminator.index : undefined));
    subfileType ??= designator.type;
    offsetWrong ||= start.offsetWrong;
  }
  if (values.size === 0) addElements(values, text.slice(header?.end ?? 0).replace(/^(DL|ID)(?=[A-Z]{3})/, ''));
  return { subfileType, values, offsetWrong };
}
