import type { Logger } from 'typeorm';

/**
 * A TypeORM logger that, while recording, notes when each query is sent and when a slow one
 * (≥ 1 ms; TypeORM times them in whole ms) came back: the timeline of one request's queries,
 * whose gaps are the JavaScript in between. Silent otherwise.
 */
export class QueryClock implements Logger {
  private events: { at: number; text: string }[] | null = null;
  private origin = 0n;

  private note(text: string): void {
    if (!this.events) return;
    this.events.push({ at: Number(process.hrtime.bigint() - this.origin) / 1e6, text });
  }

  start(): void {
    this.origin = process.hrtime.bigint();
    this.events = [];
  }

  /** The timeline since start(), one line per event. */
  stop(): string[] {
    const lines = (this.events ?? []).map((e) => `${e.at.toFixed(1).padStart(8)} ms  ${e.text}`);
    this.events = null;
    return lines;
  }

  logQuery(query: string): void {
    this.note(`→ ${query.replace(/\s+/g, ' ').slice(0, 110)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.note(`← ${time} ms: ${query.replace(/\s+/g, ' ').slice(0, 60)}`);
  }

  logQueryError(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
