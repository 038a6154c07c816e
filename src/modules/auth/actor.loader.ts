import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor, ActiveMandate } from '../../common/access/actor';
import { permissionsFor } from '../../common/access/permission';
import type { Locale } from '../../common/access/locale';
import { AuthErrorCode, AuthException } from './auth.exception';

interface ActorRow {
  id: string;
  email: string;
  full_name: string;
  locale: Locale;
  is_active: boolean;
  revoked_at: Date | null;
  mandates: {
    id: string;
    role: ActiveMandate['role'];
    unit_id: string | null;
    cluster_id: string | null;
    valid_from: string;
    valid_to: string | null;
  }[];
}

/**
 * Loads the person behind an access token with their mandates in force, in one round trip, on
 * every request: a revoked session, a disabled account or an ended mandate takes effect at once.
 */
@Injectable()
export class ActorLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(userId: string, sessionId: string): Promise<Actor> {
    // read model: runs on every request, so the person, the session and the mandates in force are one statement.
    const rows = (await this.dataSource.query(
      `SELECT u.id, u.email, u.full_name, u.locale, u.is_active, s.revoked_at,
              COALESCE(json_agg(json_build_object(
                'id', m.id, 'role', m.role, 'unit_id', m.unit_id, 'cluster_id', m.cluster_id,
                'valid_from', m.valid_from, 'valid_to', m.valid_to)) FILTER (WHERE m.id IS NOT NULL), '[]') AS mandates
         FROM users u
         JOIN auth_sessions s ON s.id = $2 AND s.user_id = u.id
         LEFT JOIN mandates m ON m.user_id = u.id AND m.valid_from <= now() AND (m.valid_to IS NULL OR m.valid_to > now())
        WHERE u.id = $1
        GROUP BY u.id, s.revoked_at`,
      [userId, sessionId],
    )) as ActorRow[];
    const row = rows[0];
    if (!row || row.revoked_at) throw new AuthException(AuthErrorCode.SessionRevoked, 'Sign in again.');
    if (!row.is_active)
      throw new AuthException(AuthErrorCode.AccountDisabled, 'Ask an administrator to re-enable your account.');
    const mandates: ActiveMandate[] = row.mandates.map((m) => ({
      id: m.id,
      role: m.role,
      unitId: m.unit_id,
      clusterId: m.cluster_id,
      validFrom: new Date(m.valid_from),
      validTo: m.valid_to ? new Date(m.valid_to) : null,
    }));
    return {
      userId: row.id,
      email: row.email,
      fullName: row.full_name,
      locale: row.locale,
      sessionId,
      mandates,
      permissions: permissionsFor(mandates.map((m) => m.role)),
    };
  }
}
