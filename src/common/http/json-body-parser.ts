import type { FastifyBodyParser, FastifyInstance } from 'fastify';
import { CommonErrorCode, CommonException } from '../errors/common.exception';

/**
 * How deep objects and arrays may nest in a JSON body. The deepest body the API takes (rules
 * content) nests 5 levels; the validation pipe and class-transformer recurse once per level, so a
 * body thousands of levels deep would overflow the stack or hold the event loop.
 */
export const MAX_JSON_DEPTH = 32;

export const NUL_DETAIL = 'Text may not contain the NUL character (U+0000); remove it and send again.';

export type JsonTextProblem = 'too_deep' | 'nul_character';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const LETTER_U = 0x75;

/**
 * One pass over the JSON text, in a loop (never recursion), before it is parsed: refuses nesting
 * deeper than `maxDepth` and a NUL character escaped in a string (`\u0000`), which PostgreSQL
 * cannot store in text (SQLSTATE 22021). Malformed JSON is left for the parser to refuse.
 */
export function scanJsonText(text: string, maxDepth = MAX_JSON_DEPTH): JsonTextProblem | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) {
        if (text.charCodeAt(i + 1) === LETTER_U && text.startsWith('0000', i + 2)) return 'nul_character';
        i++; // the escaped character cannot end the string
      } else if (c === QUOTE) {
        inString = false;
      }
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) return 'too_deep';
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
  }
  return null;
}

/**
 * The `application/json` parser of the API: Fastify's own (with its prototype-poisoning checks),
 * behind the scan above, so a hostile body is refused in linear time before anything recurses.
 */
export function jsonBodyParser(fastify: FastifyInstance): FastifyBodyParser<string> {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (request, body, done) => {
    if (body.length === 0) {
      // Fastify's own answer names no code of ours; an empty body is not JSON.
      done(new CommonException(CommonErrorCode.MalformedJson, 'The body is empty; send a JSON value.'), undefined);
      return;
    }
    const problem = scanJsonText(body);
    if (problem === 'too_deep') {
      done(
        new CommonException(
          CommonErrorCode.PayloadTooDeep,
          `Objects and arrays in the body may nest at most ${MAX_JSON_DEPTH} levels deep.`,
          { maxDepth: MAX_JSON_DEPTH },
        ),
        undefined,
      );
      return;
    }
    if (problem === 'nul_character') {
      done(new CommonException(CommonErrorCode.InvalidText, NUL_DETAIL), undefined);
      return;
    }
    parse(request, body, done);
  };
}
