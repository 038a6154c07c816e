import { Body, Controller, Get, Param, Post, Put, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { UuidParam } from '../../common/validation/validation';
import { EVIDENCE_FILE_FIELD, EvidenceUpload, type UploadedEvidence } from '../evidence';
import { CustodyChainResponseDto } from './dto/custody-chain.dto';
import { FlagResponseDto, RegisterFlagDto } from './dto/flags.dto';
import { flagPhotoHeaders, FlagPhotosService } from './flag-photos.service';
import { FlagsService } from './flags.service';

const WHO_MANAGES = "Administrators, or the secretariat of the flag's cluster.";

@ApiTags('flag')
@Controller()
export class FlagsController {
  constructor(
    private readonly flags: FlagsService,
    private readonly photos: FlagPhotosService,
  ) {}

  @Post('clusters/:id/flag')
  @RequirePermission(Permission.FlagsManage)
  @ApiOperation({
    summary: "Register the cluster's rotating flag (cờ luân lưu)",
    description:
      `${WHO_MANAGES} One flag per cluster (409 flag_already_registered). Its chain of custody starts with ` +
      '`custodianUnitId` holding it, a current member unit of the cluster (422 flag_custodian_not_member).',
  })
  @ApiCreatedResponse({ type: FlagResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  register(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) clusterId: string,
    @Body() dto: RegisterFlagDto,
  ): Promise<FlagResponseDto> {
    return this.flags.register(actor, clusterId, dto);
  }

  @Get('clusters/:id/flag')
  @RequirePermission(Permission.FlagsRead)
  @ApiOperation({ summary: "The cluster's flag and who answers for it now", description: 'Everyone signed in.' })
  @ApiOkResponse({ type: FlagResponseDto })
  @ApiProblems(400, 401, 404)
  forCluster(@CurrentActor() actor: Actor, @Param('id', UuidParam) clusterId: string): Promise<FlagResponseDto> {
    return this.flags.getForCluster(actor, clusterId);
  }

  @Get('flags/:id')
  @RequirePermission(Permission.FlagsRead)
  @ApiOperation({ summary: 'A flag and who answers for it now', description: 'Everyone signed in.' })
  @ApiOkResponse({ type: FlagResponseDto })
  @ApiProblems(400, 401, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<FlagResponseDto> {
    return this.flags.get(actor, id);
  }

  @Get('flags/:id/custody')
  @RequirePermission(Permission.FlagsRead)
  @ApiOperation({
    summary: 'The whole chain of custody',
    description:
      'Every period, oldest first: who held the flag (or in transit), from when to when, how the period began, ' +
      'under which elected term, with which signed handover record and its signatures, and the incidents ' +
      'reported during it; then every handover, cancelled ones included. Everyone signed in.',
  })
  @ApiOkResponse({ type: CustodyChainResponseDto })
  @ApiProblems(400, 401, 404)
  custody(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<CustodyChainResponseDto> {
    return this.flags.custody(actor, id);
  }

  @Put('flags/:id/photo')
  @RouteConfig({ multipart: true })
  @RequirePermission(Permission.FlagsManage)
  @ApiOperation({
    summary: "Set the flag's photo",
    description:
      `${WHO_MANAGES} A PNG, JPEG, GIF or WebP image recognised from its bytes (415 flag_photo_not_image), ` +
      'within the evidence size limit; kept in the evidence storage by its SHA-256 (`flags.photo_set` in the ledger).',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [EVIDENCE_FILE_FIELD],
      properties: { [EVIDENCE_FILE_FIELD]: { type: 'string', format: 'binary', description: 'The image.' } },
    },
  })
  @ApiOkResponse({ type: FlagResponseDto })
  @ApiProblems(400, 401, 403, 404, 413, 415)
  setPhoto(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @EvidenceUpload() upload: UploadedEvidence,
  ): Promise<FlagResponseDto> {
    return this.photos.set(actor, id, upload);
  }

  @Get('flags/:id/photo')
  @RequirePermission(Permission.FlagsRead)
  @ApiOperation({
    summary: "The flag's photo",
    description: 'Everyone signed in; 404 flag_photo_not_found without one.',
  })
  @ApiProduces('image/png', 'image/jpeg', 'image/gif', 'image/webp')
  @ApiOkResponse({
    description: 'The image bytes; ETag and X-Content-SHA256 carry their SHA-256.',
    schema: { type: 'string', format: 'binary' },
    headers: {
      ETag: { description: 'The SHA-256 in quotes.', schema: { type: 'string' } },
      'X-Content-SHA256': { description: 'SHA-256 (hex) of the bytes.', schema: { type: 'string' } },
    },
  })
  @ApiProblems(400, 401, 404)
  async photo(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const photo = await this.photos.get(actor, id);
    reply.headers(flagPhotoHeaders(photo));
    return photo.bytes;
  }
}
