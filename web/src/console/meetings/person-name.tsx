import { useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

const personQuery = (userId: string) => ({
  queryKey: ['users', userId],
  queryFn: () => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id: userId } } })),
  staleTime: 5 * 60_000,
});

/** A person's full name (empty while it loads), read once per person and shared by every row naming them. */
export function PersonName({ userId }: { userId: string | null | undefined }) {
  const person = useQuery({ ...personQuery(userId ?? ''), enabled: Boolean(userId) });
  if (!userId) return null;
  return <>{person.data?.fullName ?? ''}</>;
}

/** Several people's names at once, as text (a select's options are searched and titled by text). */
export function usePeopleNames(userIds: string[]): Map<string, string> {
  const people = useQueries({ queries: userIds.map((userId) => personQuery(userId)) });
  return new Map(userIds.map((userId, index) => [userId, people[index]?.data?.fullName ?? '']));
}
