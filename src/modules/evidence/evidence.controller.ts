import { Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ApiPageResponse } from '../../common/pagination/api-page-response.decorator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import type { Page } from '../../common/pagination/pagination';
import { UuidParam } from '../../common/validation/validation';
import { EvidenceFileResponseDto, EvidenceLimitsResponseDto } from './dto/evidence-files.dto';
import { evidenceDownloadHeaders } from './evidence-file-name';
import { ALLOWED_EVIDENCE_TYPES } from './evidence-file-type';
import { EVIDENCE_FILE_FIELD, EvidenceUpload, type UploadedEvidence } from './evidence-upload.pipe';
import { EvidenceService } from './evidence.service';

const ENTRY_PATH = 'scoring-periods/:periodId/units/:unitId/entries/:itemCode/evidence';

@ApiTags('evidence')
@Controller()
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Post(ENTRY_PATH)
  @RouteConfig({ multipart: true })
  @RequirePermission(Permission.EvidenceUpload)
  @ApiOperation({
    summary: 'Attach an evidence file to a score entry',
    description:
      "The unit's officer or head, while the sheet is a draft and self-scoring is open; the entry must exist " +
      `(404 entry_not_found). One file in the multipart field \`${EVIDENCE_FILE_FIELD}\`, at most EVIDENCE_MAX_BYTES ` +
      `(413 evidence_too_large), not empty (400 evidence_empty), of a type recognised from its bytes: ` +
      `${ALLOWED_EVIDENCE_TYPES.join(', ')} (415 evidence_type_not_allowed), whose name's extension agrees with ` +
      'that type (422 evidence_name_type_mismatch; a name without one gets the usual one). The SHA-256 goes to the ledger ' +
      '(`evidence.file_attached`).',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [EVIDENCE_FILE_FIELD],
      properties: {
        [EVIDENCE_FILE_FIELD]: { type: 'string', format: 'binary', description: 'The file, with its name.' },
      },
    },
  })
  @ApiCreatedResponse({ type: EvidenceFileResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 413, 415, 422)
  attach(
    @CurrentActor() actor: Actor,
    @Param('periodId', UuidParam) periodId: string,
    @Param('unitId', UuidParam) unitId: string,
    @Param('itemCode') itemCode: string,
    @EvidenceUpload() upload: UploadedEvidence,
  ): Promise<EvidenceFileResponseDto> {
    return this.evidence.attach(actor, periodId, unitId, itemCode, upload);
  }

  @Get('evidence-limits')
  @RequirePermission(Permission.ScoringRead)
  @ApiOperation({
    summary: 'What an evidence file may be',
    description:
      'The largest file (EVIDENCE_MAX_BYTES) and the accepted kinds with their extensions, from the same settings the ' +
      'upload enforces, so a client refuses a file before sending it. The server still checks the bytes.',
  })
  @ApiOkResponse({ type: EvidenceLimitsResponseDto })
  @ApiProblems(401, 403)
  limits(): EvidenceLimitsResponseDto {
    return this.evidence.limits();
  }

  @Get(ENTRY_PATH)
  @RequirePermission(Permission.ScoringRead)
  @ApiOperation({
    summary: "A score entry's evidence files",
    description: 'Metadata only, oldest first; whoever may read the sheet (a draft only within its unit).',
  })
  @ApiPageResponse(EvidenceFileResponseDto)
  @ApiProblems(400, 401, 403, 404)
  list(
    @CurrentActor() actor: Actor,
    @Param('periodId', UuidParam) periodId: string,
    @Param('unitId', UuidParam) unitId: string,
    @Param('itemCode') itemCode: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<EvidenceFileResponseDto>> {
    return this.evidence.list(actor, periodId, unitId, itemCode, query);
  }

  @Get('evidence-files/:id')
  @RequirePermission(Permission.ScoringRead)
  @ApiOperation({ summary: "An evidence file's metadata", description: 'Whoever may read the sheet.' })
  @ApiOkResponse({ type: EvidenceFileResponseDto })
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<EvidenceFileResponseDto> {
    return this.evidence.get(actor, id);
  }

  @Get('evidence-files/:id/content')
  @RequirePermission(Permission.ScoringRead)
  @ApiOperation({
    summary: "An evidence file's bytes, exactly as uploaded",
    description:
      'Content-Type is the detected type; Content-Disposition is an attachment with the original name ' +
      "(RFC 5987 `filename*=UTF-8''…`); ETag and X-Content-SHA256 carry the SHA-256 recorded at upload.",
  })
  @ApiProduces(
    'application/octet-stream',
    'application/pdf',
    'image/*',
    'application/vnd.openxmlformats-officedocument.*',
  )
  @ApiOkResponse({
    description: 'The bytes of the file.',
    schema: { type: 'string', format: 'binary' },
    headers: {
      'Content-Disposition': {
        description: 'attachment; filename="…"; filename*=UTF-8\'\'…',
        schema: { type: 'string' },
      },
      ETag: { description: 'The SHA-256 in quotes.', schema: { type: 'string' } },
      'X-Content-SHA256': { description: 'SHA-256 (hex) of the bytes.', schema: { type: 'string' } },
    },
  })
  @ApiProblems(400, 401, 403, 404)
  async content(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const content = await this.evidence.content(actor, id);
    reply.headers(evidenceDownloadHeaders(content.file));
    return content.bytes;
  }

  @Delete('evidence-files/:id')
  @HttpCode(204)
  @RequirePermission(Permission.EvidenceUpload)
  @ApiOperation({
    summary: 'Detach an evidence file',
    description:
      'Same rules as attaching (the unit, a draft sheet, self-scoring open). Recorded in the ledger ' +
      '(`evidence.file_removed`); the stored bytes are kept.',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  remove(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<void> {
    return this.evidence.remove(actor, id);
  }
}
