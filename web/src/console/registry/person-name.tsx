import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** A person's account, read once per person and shared by every row that names them. */
export function usePerson(userId: string | null | undefined) {
  return useQuery({
    queryKey: ['users', userId],
    queryFn: () => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id: userId! } } })),
    enabled: Boolean(userId),
    staleTime: 5 * 60_000,
  });
}

/** A person's full name (empty while it loads). */
export function PersonName({ userId }: { userId: string | null | undefined }) {
  const person = usePerson(userId);
  if (!userId) return null;
  return <>{person.data?.fullName ?? ''}</>;
}

export function PersonEmail({ userId }: { userId: string }) {
  const person = usePerson(userId);
  return <>{person.data?.email ?? ''}</>;
}
