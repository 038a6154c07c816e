import { Transform } from 'class-transformer';
import { Matches, MaxLength, ValidateIf } from 'class-validator';

/** Text fields are trimmed; an optional text field sent blank is stored as null. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
export const TrimToNull = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value));

/** A PATCH field that may be absent but, when sent, may not be null. */
export const PresentIfSent = () => ValidateIf((_: unknown, value: unknown) => value !== undefined);

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Short stable identifiers people type and see on paper (`LMHTX-SL`, `CUM-MNPB`). */
export const RegistryCode = () => (target: object, property: string | symbol) => {
  Trim()(target, property);
  Matches(CODE_PATTERN, {
    message: `${String(property)} may hold letters, digits, '.', '_' and '-', starting with a letter or digit`,
  })(target, property as string);
  MaxLength(50)(target, property as string);
};
