import { currentAccessToken, refreshSession } from '../auth/token-store';

export interface MeetingEvent {
  meetingId: string;
  pollId?: string;
}

/**
 * Follows GET /api/v1/meetings/{id}/events (server-sent events) with fetch — a browser
 * EventSource cannot send the Authorization header — and comes back after a drop (a phone
 * changing network), waiting a little longer each time. Events say what changed: the caller
 * invalidates its queries and reads the API again. Returns the function that stops it.
 */
export function openMeetingEvents(
  meetingId: string,
  onEvent: (kind: string, data: MeetingEvent) => void,
  onConnected?: (connected: boolean) => void,
): () => void {
  const stop = new AbortController();
  let delay = 1000;

  async function follow(): Promise<void> {
    while (!stop.signal.aborted) {
      try {
        const token = await currentAccessToken();
        const response = await fetch(`/api/v1/meetings/${encodeURIComponent(meetingId)}/events`, {
          headers: { accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          signal: stop.signal,
        });
        if (response.status === 401 && (await refreshSession())) continue;
        if (!response.ok || !response.body) throw new Error(`events answered ${response.status}`);
        onConnected?.(true);
        delay = 1000;
        // After a drop, anything may have changed meanwhile: read everything again.
        onEvent('ready', { meetingId });
        await readEvents(response.body, onEvent, stop.signal);
      } catch {
        if (stop.signal.aborted) return;
      }
      onConnected?.(false);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 30_000);
    }
  }

  void follow();
  return () => stop.abort();
}

async function readEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (kind: string, data: MeetingEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined), { once: true });
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let kind = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) kind = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trim());
      }
      if (data.length === 0 || kind === 'ping') continue;
      try {
        onEvent(kind, JSON.parse(data.join('\n')) as MeetingEvent);
      } catch {
        // A malformed block is skipped; the next event brings the page up to date anyway.
      }
    }
  }
}
