import { MAX_JSON_DEPTH, scanJsonText } from './json-body-parser';

describe(scanJsonText.name, () => {
  it.each([
    ['a flat object', '{"a":1,"b":[1,2,3]}'],
    ['nesting exactly at the limit', `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`],
    ['brackets inside a string', JSON.stringify({ text: '[[[[{{{{'.repeat(100) })],
    ['an escaped quote before brackets in a string', JSON.stringify({ text: '\\"[[[[' + '['.repeat(100) })],
    ['an escaped backslash followed by u0000', '{"a":"\\\\u0000"}'],
    ['other escapes', '{"a":"\\u0001\\n\\t\\u00e9"}'],
  ])('accepts %s', (_, text) => {
    expect(scanJsonText(text)).toBeNull();
  });

  it('refuses one level over the limit, objects and arrays alike', () => {
    expect(scanJsonText(`${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`)).toBe('too_deep');
    expect(scanJsonText(`${'{"a":'.repeat(MAX_JSON_DEPTH + 1)}1${'}'.repeat(MAX_JSON_DEPTH + 1)}`)).toBe('too_deep');
  });

  it('refuses a deep body that is never closed, without reading it all as a tree', () => {
    expect(scanJsonText('['.repeat(1_000_000))).toBe('too_deep');
  });

  it('refuses an escaped NUL in a value or a key', () => {
    expect(scanJsonText('{"a":"x\\u0000y"}')).toBe('nul_character');
    expect(scanJsonText('{"\\u0000":1}')).toBe('nul_character');
  });
});
