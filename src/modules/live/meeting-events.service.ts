import { Inject, Injectable, type MessageEvent } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Observable,
  catchError,
  defer,
  finalize,
  from,
  interval,
  map,
  merge,
  mergeMap,
  of,
  share,
  switchMap,
} from 'rxjs';
import { DataSource } from 'typeorm';
import { liveConfig } from '../../config/live.config';
import { openPollTurnout } from '../elections';
import { MeetingEventsHub, type MeetingChange } from './meeting-events.hub';

/**
 * A meeting's server-sent events: `ready` once, then `meeting`, `attendance`, `poll` (opened,
 * closed, tallied, certified) and `turnout` as they change, and `ping` to keep proxies from
 * closing a quiet stream. Events name what changed, never a figure or a choice: the page then
 * asks the API, which shows the person exactly what it would have shown anyway.
 */
@Injectable()
export class MeetingEventsService {
  /** One turnout watcher per meeting on this instance, shared by its streams, stopped with the last. */
  private readonly turnoutWatchers = new Map<string, Observable<MeetingChange>>();

  constructor(
    private readonly hub: MeetingEventsHub,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(liveConfig.KEY) private readonly config: ConfigType<typeof liveConfig>,
  ) {}

  /** The stream of a meeting the actor may read (`MeetingStreamGuard` checked it before the first byte). */
  stream(meetingId: string): Observable<MessageEvent> {
    const toEvent = (change: MeetingChange): MessageEvent => ({
      type: change.kind,
      data: { meetingId: change.meetingId, ...(change.pollId ? { pollId: change.pollId } : {}) },
    });
    return merge(
      of<MessageEvent>({ type: 'ready', data: { meetingId }, retry: this.config.retryMs }),
      this.hub.of(meetingId).pipe(map(toEvent)),
      this.turnoutOf(meetingId).pipe(map(toEvent)),
      interval(this.config.heartbeatMs).pipe(map((): MessageEvent => ({ type: 'ping', data: {} }))),
    );
  }

  private turnoutOf(meetingId: string): Observable<MeetingChange> {
    let watcher = this.turnoutWatchers.get(meetingId);
    if (!watcher) {
      const lastSeen = new Map<string, number>();
      watcher = interval(this.config.turnoutIntervalMs).pipe(
        // A failed read (the database restarting) skips one tick instead of ending every stream.
        // A poll seen for the first time counts as moved: the page then reads its turnout once.
        switchMap(() =>
          defer(() => openPollTurnout(this.dataSource.manager, meetingId)).pipe(catchError(() => of([]))),
        ),
        mergeMap((polls) =>
          from(
            polls.filter(({ pollId, voted }) => {
              const before = lastSeen.get(pollId);
              lastSeen.set(pollId, voted);
              return before !== voted;
            }),
          ),
        ),
        map((poll): MeetingChange => ({ meetingId, kind: 'turnout', pollId: poll.pollId })),
        finalize(() => this.turnoutWatchers.delete(meetingId)),
        share(),
      );
      this.turnoutWatchers.set(meetingId, watcher);
    }
    return watcher;
  }
}
