import type { Locale } from './locale';
import type { Role } from './roles';
import type { Permission } from './permission';

/** A mandate in force at the moment of the request. */
export interface ActiveMandate {
  id: string;
  role: Role;
  unitId: string | null;
  clusterId: string | null;
  validFrom: Date;
  validTo: Date | null;
}

/** The signed-in person a request acts for, loaded fresh from the database on every request. */
export interface Actor {
  userId: string;
  email: string;
  fullName: string;
  locale: Locale;
  sessionId: string;
  mandates: ActiveMandate[];
  permissions: ReadonlySet<Permission>;
  /** False when only the token was checked: the handler's statement checks the session (SessionCheckedByHandler). */
  sessionChecked?: boolean;
}

export function isAdmin(actor: Actor): boolean {
  return actor.mandates.some((m) => m.role === 'admin');
}

export function isSecretariatOf(actor: Actor, clusterId: string): boolean {
  return actor.mandates.some((m) => m.role === 'secretariat' && m.clusterId === clusterId);
}

export function secretariatClusterIds(actor: Actor): string[] {
  return actor.mandates.filter((m) => m.role === 'secretariat').map((m) => m.clusterId!);
}

export function holdsUnitRole(actor: Actor, unitId: string, role: Role): boolean {
  return actor.mandates.some((m) => m.role === role && m.unitId === unitId);
}
