import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** A person's full name from their id (heads, secretariat and administrators may read people). */
export function PersonName({ id }: { id: string }) {
  const person = useQuery({
    queryKey: ['users', id],
    queryFn: () => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id } } })),
    staleTime: 5 * 60_000,
    retry: false,
  });
  return <>{person.data?.fullName ?? '…'}</>;
}
