import type { Socket } from 'node:net';
import { clientErrorHandler } from './framework-errors';

function fakeSocket(): { socket: Socket; written: string[]; destroyed: () => boolean } {
  const written: string[] = [];
  let destroyed = false;
  const socket = {
    writable: true,
    get destroyed() {
      return destroyed;
    },
    write: (text: string) => written.push(text),
    destroy: () => {
      destroyed = true;
    },
  } as unknown as Socket;
  return { socket, written, destroyed: () => destroyed };
}

describe(clientErrorHandler.name, () => {
  it.each([
    ['HPE_INVALID_METHOD', 400, 'malformed_request'],
    ['HPE_HEADER_OVERFLOW', 431, 'headers_too_large'],
    ['ERR_HTTP_REQUEST_TIMEOUT', 408, 'request_timeout'],
  ])('answers %s with %i %s as problem+json and closes the connection', (code, status, problemCode) => {
    const { socket, written, destroyed } = fakeSocket();

    clientErrorHandler(Object.assign(new Error(code), { code }), socket);

    const [head, body] = written.join('').split('\r\n\r\n');
    expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    expect(head).toContain('Content-Type: application/problem+json');
    expect(head).toContain(`Content-Length: ${Buffer.byteLength(body)}`);
    expect(JSON.parse(body)).toMatchObject({ status, code: problemCode, type: `urn:thidua:problem:${problemCode}` });
    expect(destroyed()).toBe(true);
  });

  it('writes nothing to a connection the client reset', () => {
    const { socket, written } = fakeSocket();

    clientErrorHandler(Object.assign(new Error('reset'), { code: 'ECONNRESET' }), socket);

    expect(written).toEqual([]);
  });
});
