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

  @Get('polls/:id/counting-record.pdf')
  @RequirePermission(Permission.RecordsRead)
  @ApiOperation({
    summary: "A poll's vote-counting record (biên bản kiểm phiếu), as a PDF in Vietnamese",
    description:
      'The counting record exactly as the counting board and the secretariat signed it (GET /polls/{id}/counting-record): ' +
      'attendance and quorum, ballots, the paper count, each option with its votes and share, the threshold, the result ' +
      '(elected, runoff, adopted, proposed…), tie-breaks and the draw seed, the counting board, every signature with its ' +
      "key fingerprint. Certified, the signed document's digest and the elections.result_certified entry seal it; " +
      `before, it says "CHƯA CHỨNG NHẬN" (not certified). ${FOOTER} 409 poll_not_tallied before the tally. ` +
      'Sent as an attachment named kiem-phieu-<cluster>-<year>-<kind>-lan-<round>-<poll id prefix>.pdf.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The counting record (A4 portrait).', ...PDF_RESPONSE })
  @ApiProblems(400, 401, 403, 404, 409)
  countingRecord(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<StreamableFile> {
    return this.records.countingRecord(actor, id);
  }

  @Get('flag-handovers/:id/record.pdf')
  @RequirePermission(Permission.RecordsRead)
  @ApiOperation({
    summary: 'A flag handover record (biên bản bàn giao cờ luân lưu), as a PDF in Vietnamese',
    description:
      'The handover record exactly as both heads signed it (GET /flag-handovers/{id}/document): date, place, the flag, ' +
      'from, to, witnesses, the certified election it executes, the custody it moved, both signatures with their key ' +
      "fingerprints. Completed, the signed document's digest and the receipt's ledger entry (custody moved) seal it; " +
      `before, it says "CHƯA HOÀN TẤT" (not completed), or "ĐÃ HỦY" with the reason once cancelled. ${FOOTER} ` +
      'Sent as an attachment named ban-giao-co-<cluster>-<year>-<handover id prefix>.pdf.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The flag handover record (A4 portrait).', ...PDF_RESPONSE })
  @ApiProblems(400, 401, 403, 404)
  handoverRecord(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<StreamableFile> {
    return this.records.handoverRecord(actor, id);
  }
}
