import { useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export interface UnitPerson {
  userId: string;
  fullName: string;
  roles: string[];
}

/** The people holding a mandate of the unit now, with their names (GET /mandates, GET /users/{id}). */
export function useUnitPeople(unitId: string | undefined): { people: UnitPerson[]; nameOf: (id: string) => string } {
  const mandates = useQuery({
    queryKey: ['mandates', { unitId }],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/mandates', {
          params: { query: { unitId, activeAt: new Date().toISOString(), pageSize: 100 } },
        }),
      ),
    enabled: Boolean(unitId),
  });
  const byUser = new Map<string, string[]>();
  for (const mandate of mandates.data?.items ?? []) {
    byUser.set(mandate.userId, [...(byUser.get(mandate.userId) ?? []), mandate.role]);
  }
  const users = useQueries({
    queries: [...byUser.keys()].map((id) => ({
      queryKey: ['users', id],
      queryFn: () => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id } } })),
    })),
  });
  const names = new Map(users.flatMap((user) => (user.data ? [[user.data.id, user.data.fullName] as const] : [])));
  const people = [...byUser.entries()].map(([userId, roles]) => ({
    userId,
    roles,
    fullName: names.get(userId) ?? '…',
  }));
  return { people, nameOf: (id) => names.get(id) ?? '…' };
}
