import type { FormInstance } from 'antd';
import { ApiProblem } from '../api/client';

/** `entries[3].selfScore` → `['entries', 3, 'selfScore']`: the API's field paths as antd's name paths. */
export function namePath(field: string): (string | number)[] {
  return field
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Shows a validation problem's per-field errors at their fields. `message(code, messages)` gives the
 * sentence for one field (by its code, in the person's language). Returns whether any field matched,
 * so the caller can show the whole problem above the form when none did.
 */
export function showFieldErrors(
  form: FormInstance,
  error: unknown,
  message: (code: string | undefined, messages: string[]) => string,
): boolean {
  if (!(error instanceof ApiProblem) || !Array.isArray(error.problem.errors)) return false;
  const known = new Set(
    form
      .getFieldsError()
      .map((field) => JSON.stringify(field.name))
      .filter(Boolean),
  );
  const fields = error.problem.errors
    .map((fieldError) => ({
      name: namePath(fieldError.field),
      errors: [message(fieldError.code ?? undefined, fieldError.messages ?? [])],
    }))
    .filter((field) => known.has(JSON.stringify(field.name)));
  form.setFields(fields);
  return fields.length > 0;
}
