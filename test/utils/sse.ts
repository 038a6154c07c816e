import { request, type IncomingMessage } from 'node:http';

export interface ServerSentEvent {
  event: string;
  data: unknown;
}

/** A server-sent events stream read as a client would, with a way to wait for the next event of a kind. */
export interface SseConnection {
  response: IncomingMessage;
  next(event: string, timeoutMs?: number): Promise<ServerSentEvent>;
  close(): void;
}

export function openEventStream(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (response) => {
      if (response.statusCode !== 200) {
        // Refused before the stream started: a problem document, read whole by readAll().
        resolve({ response, next: () => Promise.reject(new Error('No stream')), close: () => req.destroy() });
        return;
      }
      const received: ServerSentEvent[] = [];
      const waiters: Array<{ event: string; resolve: (e: ServerSentEvent) => void }> = [];
      let buffer = '';
      const deliver = () => {
        for (let i = 0; i < waiters.length; i++) {
          const index = received.findIndex((e) => e.event === waiters[i].event);
          if (index >= 0) {
            const [event] = received.splice(index, 1);
            waiters.splice(i--, 1)[0].resolve(event);
          }
        }
      };
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trim());
          }
          if (data.length === 0) continue; // a comment (keep-alive)
          received.push({ event, data: JSON.parse(data.join('\n')) });
        }
        deliver();
      });
      resolve({
        response,
        next: (event, timeoutMs = 10_000) =>
          new Promise((resolveNext, rejectNext) => {
            const timer = setTimeout(
              () => rejectNext(new Error(`No '${event}' event within ${timeoutMs} ms`)),
              timeoutMs,
            );
            waiters.push({
              event,
              resolve: (e) => {
                clearTimeout(timer);
                resolveNext(e);
              },
            });
            deliver();
          }),
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Reads a whole (short) answer, for a stream refused before it started. */
export async function readAll(response: IncomingMessage): Promise<string> {
  let body = '';
  response.setEncoding('utf8');
  for await (const chunk of response) body += chunk;
  return body;
}
