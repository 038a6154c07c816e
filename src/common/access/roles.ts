// The roles a mandate grants, here because the access model (Actor, permissions) is built on them
// and src/common may not import a module; the mandates module stores them (issue 14).
export const UNIT_ROLES = ['officer', 'head', 'delegate'] as const;
export const CLUSTER_ROLES = ['secretariat'] as const;
export const SYSTEM_ROLES = ['admin'] as const;
export const ROLES = [...SYSTEM_ROLES, ...CLUSTER_ROLES, ...UNIT_ROLES] as const;
export type UnitRole = (typeof UNIT_ROLES)[number];
export type Role = (typeof ROLES)[number];
