import { IsNull, Not, type EntityManager } from 'typeorm';
import { AuthSession } from './auth-session.entity';

/**
 * Ends every open session of the person but `keepSessionId`, in the caller's transaction, and says
 * how many ended. Users reaches it through its UserSessions port, which AuthModule fills at start.
 */
export async function endSessions(
  manager: EntityManager,
  userId: string,
  reason: string,
  keepSessionId: string | null = null,
): Promise<number> {
  const ended = await manager.update(
    AuthSession,
    keepSessionId ? { userId, revokedAt: IsNull(), id: Not(keepSessionId) } : { userId, revokedAt: IsNull() },
    { revokedAt: () => 'now()', revokedReason: reason },
  );
  return ended.affected ?? 0;
}
