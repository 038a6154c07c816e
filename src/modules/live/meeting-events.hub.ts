import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { Observable, Subject, filter } from 'rxjs';
import { DataSource } from 'typeorm';

/** The channel the database triggers notify (migration meeting-live-events). */
export const MEETING_CHANNEL = 'thidua_meeting';

export type MeetingChangeKind = 'meeting' | 'attendance' | 'poll' | 'turnout';

/** What changed, never what it is now: a listener asks the API, which applies its own rules. */
export interface MeetingChange {
  meetingId: string;
  kind: MeetingChangeKind;
  pollId?: string;
}

type Unlisten = () => Promise<void>;
interface ListeningPool {
  listen(channel: string, handler: (payload: string) => void): Promise<Unlisten>;
}

/**
 * One LISTEN per instance. The triggers NOTIFY when a meeting, its attendance register or one of
 * its polls changes, inside the writing transaction, so every instance of the service — whichever
 * one took the request — hears it after commit and tells its own streams. Nothing is kept here
 * that another instance would need (docs/decisions/032-meeting-events-listen-notify.md).
 */
@Injectable()
export class MeetingEventsHub implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(MeetingEventsHub.name);
  private readonly changes = new Subject<MeetingChange>();
  private client?: Client;
  private unlisten?: Unlisten;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const pool = (this.dataSource.driver as unknown as { master?: Partial<ListeningPool> }).master;
    if (pool && typeof pool.listen === 'function') {
      this.unlisten = await pool.listen(MEETING_CHANNEL, (payload) => this.receive(payload));
      return;
    }
    const options = this.dataSource.options as { url?: string };
    this.client = new Client({ connectionString: options.url, application_name: 'thidua-meeting-events' });
    this.client.on('notification', (message) => message.payload && this.receive(message.payload));
    this.client.on('error', (error) => this.logger.error(`Meeting events connection failed: ${error.message}`));
    await this.client.connect();
    await this.client.query(`LISTEN ${MEETING_CHANNEL}`);
  }

  async onModuleDestroy(): Promise<void> {
    this.changes.complete();
    await this.unlisten?.().catch(() => undefined);
    await this.client?.end().catch(() => undefined);
  }

  /** The changes of one meeting, as this instance hears them. */
  of(meetingId: string): Observable<MeetingChange> {
    return this.changes.pipe(filter((change) => change.meetingId === meetingId));
  }

  /** For a change noticed in process (turnout, which the ballot statement does not notify). */
  publish(change: MeetingChange): void {
    this.changes.next(change);
  }

  private receive(payload: string): void {
    try {
      const change = JSON.parse(payload) as MeetingChange;
      if (typeof change.meetingId === 'string' && typeof change.kind === 'string') this.changes.next(change);
    } catch {
      this.logger.warn('Ignored a malformed meeting notification');
    }
  }
}
