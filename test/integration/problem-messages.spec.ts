import { HttpException } from '@nestjs/common';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { join, resolve } from 'node:path';
import * as constraintErrors from '../../src/common/errors/constraint-errors';
import { DomainException } from '../../src/common/errors/domain.exception';
import { ProblemDetailsFilter } from '../../src/common/errors/problem-details.filter';

/**
 * The web app says every refusal of the API as a sentence in the person's language, never a code
 * (`useProblemMessage()` in web/src/api/client.ts reads `problem.<code>`). The codes are collected
 * from the code itself, not from a list kept by hand:
 * - every `*ErrorCode` enum and every exception's code table in src/**\/*.exception.ts (the common,
 *   idempotency and module codes; a bulk request's per-field codes are codes of these enums);
 * - the code each database constraint registered with `explainConstraint()` is answered with;
 * - what the error filter answers for any HTTP status a framework or plugin raises (`http_<status>`);
 * - `http_<status>` for every 4xx, which is how the web client names an answer without a problem
 *   body (a proxy's refusal, say).
 */
const ROOT = resolve(__dirname, '../..');
const LANGUAGES = ['vi', 'en'] as const;
/** The helper's own sentences: no code given, a 5xx without one, no answer at all. */
const FALLBACKS = ['generic', 'server', 'network'];
/** What `useProblemMessage()` passes to the sentence: nothing else can be filled in. */
const INTERPOLATIONS = new Set(['seconds']);

type Messages = Record<string, unknown>;

function readJson(path: string): Messages {
  return JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Messages;
}

function exceptionFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder)).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(join(ROOT, path)).isDirectory()) return exceptionFiles(path);
    return name.endsWith('.exception.ts') ? [path] : [];
  });
}

type ExceptionClass = new (code: string) => DomainException;

/** Every code the API can answer with, each with where it comes from (for the failure message). */
function apiCodes(): { codes: Map<string, string>; constraints: number } {
  const codes = new Map<string, string>();
  const add = (code: string, from: string) => codes.set(code, codes.get(code) ?? from);
  // Spied before the exception modules load, which is when they register their constraints.
  const explain = jest.spyOn(constraintErrors, 'explainConstraint');
  for (const file of exceptionFiles('src')) {
    const exports = jest.requireActual<Record<string, unknown>>(join(ROOT, file));
    for (const [name, value] of Object.entries(exports)) {
      if (name.endsWith('ErrorCode') && value && typeof value === 'object') {
        for (const code of Object.values(value)) if (typeof code === 'string') add(code, `${file} ${name}`);
      }
      if (typeof value === 'function' && value.prototype instanceof DomainException) {
        const instance = new (value as ExceptionClass)('');
        for (const code of Object.keys(instance.definitions)) add(code, `${file} ${name}`);
      }
    }
  }
  const constraints = explain.mock.calls.length;
  for (const [constraint, toError] of explain.mock.calls) add(toError().code, `constraint ${constraint}`);
  explain.mockRestore();

  const filter = new ProblemDetailsFilter();
  for (const status of Object.keys(STATUS_CODES).map(Number)) {
    if (status < 400) continue;
    add(filter.map(new HttpException('refused', status)).code, `HttpException ${status}`);
    add(filter.map(Object.assign(new Error('refused'), { statusCode: status })).code, `framework error ${status}`);
    if (status < 500) add(`http_${status}`, `a ${status} answer without a problem body`);
  }
  return { codes, constraints };
}

function problemMessages(language: string): Record<string, string> {
  return readJson(`web/src/i18n/problems.${language}.json`) as Record<string, string>;
}

describe('the problem sentences of the web app', () => {
  let codes: Map<string, string>;
  let constraints: number;
  beforeAll(() => ({ codes, constraints } = apiCodes()));

  it('finds the codes of every module, the framework and the constraints', () => {
    // Floors, so that a broken collection cannot pass the tests below by finding nothing.
    expect(codes.size).toBeGreaterThan(300);
    expect(constraints).toBeGreaterThan(40);
    for (const code of ['validation_failed', 'idempotency_key_in_progress', 'score_out_of_range', 'http_409']) {
      expect(codes.has(code)).toBe(true);
    }
  });

  it.each(LANGUAGES)('has a sentence in %s for every code the API answers', (language) => {
    const messages = problemMessages(language);
    const missing = [...codes].filter(([code]) => !(typeof messages[code] === 'string' && messages[code].trim()));
    expect(missing.map(([code, from]) => `${code} (${from})`)).toEqual([]);
  });

  it.each(LANGUAGES)('has no sentence in %s for a code the API never answers', (language) => {
    const unused = Object.keys(problemMessages(language)).filter((key) => !codes.has(key) && !FALLBACKS.includes(key));
    expect(unused).toEqual([]);
    for (const fallback of FALLBACKS) expect(problemMessages(language)[fallback]).toEqual(expect.any(String));
  });

  it.each(LANGUAGES)('says each problem in %s in words, filling in only what the page passes', (language) => {
    for (const [code, sentence] of Object.entries(problemMessages(language))) {
      expect({ code, sentence: /\b[a-z]+_[a-z_]+\b/.test(sentence) }).toEqual({ code, sentence: false });
      const variables = [...sentence.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((match) => match[1]);
      expect({ code, variables: variables.filter((name) => !INTERPOLATIONS.has(name)) }).toEqual({
        code,
        variables: [],
      });
    }
    expect(problemMessages(language).too_many_requests).toContain('{{seconds}}');
  });

  it('writes the Vietnamese sentences in Vietnamese', () => {
    const vi = problemMessages('vi');
    const en = problemMessages('en');
    const same = Object.keys(vi).filter((code) => vi[code] === en[code]);
    expect(same).toEqual([]);
  });

  it.each(LANGUAGES)('keeps the problem sentences in one place: none in %s.json', (language) => {
    expect(readJson(`web/src/i18n/${language}.json`)).not.toHaveProperty('problem');
  });

  it.each(LANGUAGES)("keeps the delegate page's own sentences in %s for codes the API answers", (language) => {
    const own = (readJson(`web/src/i18n/${language}.json`).delegate as Messages).problem as Record<string, string>;
    expect(Object.keys(own).length).toBeGreaterThan(0);
    expect(Object.keys(own).filter((code) => !codes.has(code))).toEqual([]);
    const other = (readJson(`web/src/i18n/${language === 'vi' ? 'en' : 'vi'}.json`).delegate as Messages).problem;
    expect(Object.keys(own).sort()).toEqual(Object.keys(other as Messages).sort());
  });
});
