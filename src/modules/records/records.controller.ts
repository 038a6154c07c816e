import { Controller, Get, Param, type StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { UuidParam } from '../../common/validation/validation';
import { RecordsService } from './records.service';

const PDF_RESPONSE = {
  content: { 'application/pdf': { schema: { type: 'string' as const, format: 'binary' } } },
};
const FOOTER =
  'Every page ends with the record digest and the ledger entry that seals it (number and hash), to check against ' +
  'GET /ledger/verify and the signed bundle. Deterministic: the same stored data gives the same bytes.';

@ApiTags('records')
@Controller()
export class RecordsController {
  constructor(private readonly records: RecordsService) {}

  @Get('cycles/:cycleId/results.pdf')
  @RequirePermission(Permission.RecordsRead)
  @ApiOperation({
    summary: "The cycle's results report, as a PDF in Vietnamese",
    description:
      "The cluster's totals, each unit's figures and the approval each comes from — the same figures as " +
      'GET /cycles/{cycleId}/results, written the Vietnamese way (1.269.500.000.000). The digest is SHA-256 of the ' +
      `RFC 8785 JSON of that answer's cycle, units and totals; the newest approval entry seals it. ${FOOTER} ` +
      'Sent as an attachment named ket-qua-<cluster>-<year>.pdf.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The results report (A4 landscape).', ...PDF_RESPONSE })
  @ApiProblems(400, 401, 403, 404)
  results(@CurrentActor() actor: Actor, @Param('cycleId', UuidParam) cycleId: string): Promise<StreamableFile> {
    return this.records.results(actor, cycleId);
  }

  @Get('pledges/:id/record.pdf')
  @RequirePermission(Permission.RecordsRead)
  @ApiOperation({
    summary: 'A pledge version as a signed record, as a PDF in Vietnamese',
    description:
      "The shared text, each unit's targets as its head signed them, every signer with capacity, unit and key " +
      'fingerprint, and the seal (countersignature). An unsealed version is printed as it stands and says ' +
      `"CHƯA NIÊM PHONG" (not sealed); unsigned units' targets are not printed. ${FOOTER} ` +
      'Sent as an attachment named giao-uoc-<cluster>-<year>-v<version>.pdf.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The pledge record (A4 portrait).', ...PDF_RESPONSE })
  @ApiProblems(400, 401, 403, 404)
  pledge(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<StreamableFile> {
    return this.records.pledge(actor, id);
  }
}
