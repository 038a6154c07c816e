// The languages a person reads the service in, here because the Actor carries one and src/common
// may not import a module; the users module stores it (issue 14).
export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
