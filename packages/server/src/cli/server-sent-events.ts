// Reads a text/event-stream body into events (the WHATWG "server-sent events" parsing rules, minus the
// parts a one-way reader ignores): `id`, `event`, multi-line `data`; comments and `retry` are skipped.

export interface ServerSentEvent {
  id: string | undefined;
  event: string;
  data: string;
}

export async function* serverSentEvents(body: AsyncIterable<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  let id: string | undefined;
  let event = '';
  let data: string[] = [];

  /** The complete lines in the buffer; at the end of the stream a last CR is a line end too. */
  function* lines(atEnd: boolean): Generator<string> {
    let end: number;
    while ((end = buffer.search(/\r\n|\r|\n/)) !== -1) {
      // A CR at the end of a chunk may be the first half of a CRLF: wait for the next chunk.
      if (!atEnd && end === buffer.length - 1 && buffer[end] === '\r') return;
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + (buffer.startsWith('\r\n', end) ? 2 : 1));
      yield line;
    }
  }

  function* take(line: string): Generator<ServerSentEvent> {
    if (line === '') {
      if (data.length) yield { id, event: event || 'message', data: data.join('\n') };
      event = '';
      data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + (line[colon + 1] === ' ' ? 2 : 1));
    if (field === 'id') id = value;
    else if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }

  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    for (const line of lines(false)) yield* take(line);
  }
  buffer += decoder.decode();
  for (const line of lines(true)) yield* take(line);
}
