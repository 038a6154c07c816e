import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { UuidParam } from '../../common/validation/validation';
import { ExportPeopleQueryDto, ImportPeopleQueryDto, PeopleImportResultDto } from './dto/people.dto';
import { MAX_PEOPLE_ROWS, PEOPLE_COLUMNS } from './people-sheet';
import { PEOPLE_SHEET_FIELD, PeopleSheetUpload } from './people-upload.pipe';
import { PeopleService } from './people.service';

/** A unit's people with their mandates, as a sheet (.xlsx or CSV): import and export. */
@ApiTags('mandates')
@Controller('units/:unitId/people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Post('import')
  @HttpCode(200)
  @RouteConfig({ multipart: true })
  @RequirePermission(Permission.MandatesManage)
  @ApiOperation({
    summary: "Import a unit's people and their mandates from an .xlsx or CSV sheet",
    description:
      `One file in the multipart field \`${PEOPLE_SHEET_FIELD}\` (the type is recognised from its bytes). Row 1 names ` +
      `the columns: ${PEOPLE_COLUMNS.join(', ')} (email and role required; Vietnamese labels accepted; mandateId ` +
      `is ignored). Each row grants one mandate of this unit, with the rules of POST /mandates: a head by an ` +
      `administrator, an officer or delegate by an administrator or the unit's head, nobody to themselves, one head ` +
      `at a time. An unknown email with a fullName creates the account (no usable password until one is set). A row ` +
      `whose mandate already exists (same person, role and validFrom) is unchanged. Days are Vietnam time. All rows in ` +
      `one transaction: with ?dryRun=true nothing is written and every row's errors are reported (row, column, code, ` +
      `message in vi and en); a real import with any refused row writes nothing (422 people_import_rejected, with the ` +
      `same errors). At most ${MAX_PEOPLE_ROWS} rows.`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [PEOPLE_SHEET_FIELD],
      properties: {
        [PEOPLE_SHEET_FIELD]: { type: 'string', format: 'binary', description: 'The .xlsx or CSV sheet.' },
      },
    },
  })
  @ApiOkResponse({ type: PeopleImportResultDto })
  @ApiProblems(400, 401, 403, 404, 413, 415, 422)
  import(
    @CurrentActor() actor: Actor,
    @Param('unitId', UuidParam) unitId: string,
    @Query() query: ImportPeopleQueryDto,
    @PeopleSheetUpload() bytes: Buffer,
  ): Promise<PeopleImportResultDto> {
    return this.people.import(actor, unitId, bytes, query.dryRun ?? false);
  }

  @Get('export')
  @RequirePermission(Permission.MandatesRead)
  @ApiOperation({
    summary: "Export a unit's people and their mandates, current and past, as .xlsx or CSV",
    description:
      `The columns of the import (${PEOPLE_COLUMNS.join(', ')}), one row per mandate, instants in Vietnam time ` +
      'with their offset; importing the file back changes nothing. CSV is UTF-8 with a byte-order mark.',
  })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiOkResponse({
    description: 'The sheet.',
    schema: { type: 'string', format: 'binary' },
    headers: {
      'Content-Disposition': {
        description: 'attachment; filename="<unit code>-people.<format>"',
        schema: { type: 'string' },
      },
    },
  })
  @ApiProblems(400, 401, 403, 404)
  async export(
    @CurrentActor() actor: Actor,
    @Param('unitId', UuidParam) unitId: string,
    @Query() query: ExportPeopleQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const file = await this.people.export(actor, unitId, query.format ?? 'xlsx');
    reply.header('content-type', file.contentType);
    reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
    return file.bytes;
  }
}
