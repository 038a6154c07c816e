/** Where form drafts are kept in this device's localStorage (use-form-draft.ts). */
export const DRAFT_PREFIX = 'thidua.draft.';

/**
 * Forgets every form draft kept on this device: called when a person signs out, so that the next
 * person on a shared laptop finds none of their unsaved typing.
 */
export function forgetFormDrafts(): void {
  const storage = globalThis.localStorage;
  if (!storage) return;
  const keys = Array.from({ length: storage.length }, (_, index) => storage.key(index)).filter(
    (key): key is string => key?.startsWith(DRAFT_PREFIX) ?? false,
  );
  for (const key of keys) storage.removeItem(key);
}
