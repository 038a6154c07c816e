import type {} from '@fastify/multipart'; // its types: request.isMultipart(), request.parts()
import { createParamDecorator, Inject, Injectable, type ExecutionContext, type PipeTransform } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { FastifyRequest } from 'fastify';
import { CommonErrorCode, CommonException } from '../../common/errors/common.exception';
import { EVIDENCE_MAX_FIELDS, evidenceConfig } from '../../config/evidence.config';
import { EvidenceErrorCode, EvidenceException } from './evidence.exception';

/** The multipart form field that carries the file. */
export const EVIDENCE_FILE_FIELD = 'file';

/** A file as the client sent it: its name and bytes (the client's content type is not trusted). */
export interface UploadedEvidence {
  fileName: string;
  bytes: Buffer;
}

/**
 * Reads the one file of a `multipart/form-data` request (field `file`) with `@fastify/multipart`,
 * within the limits it was registered with, and turns its errors into problem+json codes.
 */
@Injectable()
export class ReadEvidenceUploadPipe implements PipeTransform<FastifyRequest, Promise<UploadedEvidence>> {
  constructor(@Inject(evidenceConfig.KEY) private readonly config: ConfigType<typeof evidenceConfig>) {}

  async transform(request: FastifyRequest): Promise<UploadedEvidence> {
    if (!request.isMultipart()) {
      throw new CommonException(
        CommonErrorCode.UnsupportedMediaType,
        `Send the file as multipart/form-data, in the field \`${EVIDENCE_FILE_FIELD}\`.`,
      );
    }
    let upload: UploadedEvidence | undefined;
    try {
      for await (const part of request.parts()) {
        if (part.type !== 'file') continue;
        // Read every file to its end (the plugin allows one), or the parser stalls.
        const bytes = await part.toBuffer();
        if (part.fieldname === EVIDENCE_FILE_FIELD) upload = { fileName: part.filename, bytes };
      }
    } catch (error) {
      throw this.explain(error);
    }
    if (!upload) {
      throw new EvidenceException(
        EvidenceErrorCode.FileMissing,
        `Attach the file in the multipart field \`${EVIDENCE_FILE_FIELD}\` (with a file name).`,
      );
    }
    return upload;
  }

  private explain(error: unknown): Error {
    switch ((error as { code?: string }).code) {
      case 'FST_REQ_FILE_TOO_LARGE':
        return EvidenceException.tooLarge(this.config.maxBytes);
      case 'FST_FILES_LIMIT':
      case 'FST_FIELDS_LIMIT':
      case 'FST_PARTS_LIMIT':
        return new EvidenceException(
          EvidenceErrorCode.TooManyParts,
          `Send one file, in the field \`${EVIDENCE_FILE_FIELD}\`, and at most ${EVIDENCE_MAX_FIELDS} other fields.`,
        );
      default:
        // Busboy's own errors (no boundary, truncated body…) and the plugin's premature close.
        return new EvidenceException(
          EvidenceErrorCode.MalformedUpload,
          error instanceof Error ? error.message : 'The multipart body cannot be read.',
        );
    }
  }
}

const RawRequest = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  ctx.switchToHttp().getRequest<FastifyRequest>(),
);

/** `@EvidenceUpload() upload: UploadedEvidence` — the file of a multipart upload request. */
export const EvidenceUpload = () => RawRequest(ReadEvidenceUploadPipe);
