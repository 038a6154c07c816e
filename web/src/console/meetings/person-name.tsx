import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** A person's full name (empty while it loads), read once per person and shared by every row naming them. */
export function PersonName({ userId }: { userId: string | null | undefined }) {
  const person = useQuery({
    queryKey: ['users', userId],
    queryFn: () => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id: userId! } } })),
    enabled: Boolean(userId),
    staleTime: 5 * 60_000,
  });
  if (!userId) return null;
  return <>{person.data?.fullName ?? ''}</>;
}
