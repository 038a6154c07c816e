import type { FormInstance } from 'antd';
import { useCallback, useEffect } from 'react';
import { useSession } from '../auth/session';
import { DRAFT_PREFIX as PREFIX } from './form-drafts';

/**
 * Keeps what a person typed in a form on this device until it is saved: a refresh, a closed tab or
 * an expired session loses nothing. `key` names the form and the record (e.g.
 * `report:<unitId>:<cycleId>`); drafts are the signed-in person's own (another person on the same
 * device does not see them) and are forgotten when they sign out. Returns `onValuesChange` for the
 * form and `clear()` to call once the API accepted the values.
 */
export function useFormDraft<T extends object>(
  form: FormInstance<T>,
  key: string | undefined,
): { onValuesChange: (_changed: unknown, all: T) => void; clear: () => void; hasDraft: boolean } {
  const userId = useSession().me?.user.id;
  const storageKey = key && userId ? `${PREFIX}${userId}.${key}` : undefined;
  const stored = storageKey ? globalThis.localStorage?.getItem(storageKey) : null;

  useEffect(() => {
    if (!stored) return;
    try {
      form.setFieldsValue(JSON.parse(stored) as Parameters<FormInstance<T>['setFieldsValue']>[0]);
    } catch {
      // A draft that no longer parses is dropped rather than breaking the form.
      if (storageKey) globalThis.localStorage?.removeItem(storageKey);
    }
    // Restore once per record; later changes are the person's own.
  }, [storageKey]);

  const onValuesChange = useCallback(
    (_changed: unknown, all: T) => {
      if (storageKey) globalThis.localStorage?.setItem(storageKey, JSON.stringify(all));
    },
    [storageKey],
  );
  const clear = useCallback(() => {
    if (storageKey) globalThis.localStorage?.removeItem(storageKey);
  }, [storageKey]);
  return { onValuesChange, clear, hasDraft: Boolean(stored) };
}
