import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Ends every open session of the person, in the caller's transaction; returns how many ended. */
export type EndSessions = (manager: EntityManager, userId: string, reason: string) => Promise<number>;

/**
 * The port through which users ends a person's sessions (a reset password, a disabled account):
 * the sessions are auth's, and auth depends on users, so auth registers how they end (issue 14).
 */
@Injectable()
export class UserSessions {
  private endSessions?: EndSessions;

  register(endSessions: EndSessions): void {
    this.endSessions = endSessions;
  }

  endAll(manager: EntityManager, userId: string, reason: string): Promise<number> {
    if (!this.endSessions) throw new Error('No session store registered: AuthModule registers it at start.');
    return this.endSessions(manager, userId, reason);
  }
}
