import type {} from '@fastify/multipart'; // its types: request.isMultipart(), request.parts()
import { createParamDecorator, Injectable, type ExecutionContext, type PipeTransform } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CommonErrorCode, CommonException } from '../../common/errors/common.exception';
import { MandatesErrorCode, MandatesException } from './mandates.exception';

/** The multipart form field that carries the sheet. */
export const PEOPLE_SHEET_FIELD = 'file';

/** Reads the one sheet of a `multipart/form-data` request, within the limits the plugin was registered with. */
@Injectable()
export class ReadPeopleSheetPipe implements PipeTransform<FastifyRequest, Promise<Buffer>> {
  async transform(request: FastifyRequest): Promise<Buffer> {
    if (!request.isMultipart()) {
      throw new CommonException(
        CommonErrorCode.UnsupportedMediaType,
        `Send the sheet as multipart/form-data, in the field \`${PEOPLE_SHEET_FIELD}\`.`,
      );
    }
    let sheet: Buffer | undefined;
    try {
      for await (const part of request.parts()) {
        if (part.type !== 'file') continue;
        // Read every file to its end, or the parser stalls.
        const bytes = await part.toBuffer();
        if (part.fieldname === PEOPLE_SHEET_FIELD) sheet = bytes;
      }
    } catch (error) {
      throw new MandatesException(
        MandatesErrorCode.PeopleSheetInvalid,
        `The upload cannot be read (${(error as { code?: string }).code ?? (error as Error).message}); send one .xlsx or CSV file.`,
      );
    }
    if (!sheet || sheet.length === 0) {
      throw new MandatesException(
        MandatesErrorCode.PeopleSheetInvalid,
        `Attach the .xlsx or CSV sheet in the multipart field \`${PEOPLE_SHEET_FIELD}\`.`,
      );
    }
    return sheet;
  }
}

const RawRequest = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  ctx.switchToHttp().getRequest<FastifyRequest>(),
);

/** `@PeopleSheetUpload() bytes: Buffer` — the sheet of a multipart import request. */
export const PeopleSheetUpload = () => RawRequest(ReadPeopleSheetPipe);
