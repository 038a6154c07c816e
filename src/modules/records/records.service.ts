import { Injectable, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { CycleResultsService } from '../reports/cycle-results.service';
import { renderPledgeRecord } from './pledge-record';
import { loadPledgeRecord } from './pledge-record.loader';
import { renderResultsRecord } from './results-record';
import { loadResultsRecord } from './results-record.loader';

/** An ASCII file name a browser saves as it is: letters, digits, dot, dash, underscore. */
export function recordFilename(...parts: (string | number)[]): string {
  return `${parts.join('-')}.pdf`.replace(/[^A-Za-z0-9._-]/g, '_');
}

function pdfFile(bytes: Buffer, filename: string): StreamableFile {
  return new StreamableFile(bytes, {
    type: 'application/pdf',
    length: bytes.length,
    disposition: `attachment; filename="${filename}"`,
  });
}

/**
 * Signed records as documents (biên bản): each record is loaded into plain data, then drawn by
 * its renderer. The same stored data always gives the same bytes.
 */
@Injectable()
export class RecordsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cycleResults: CycleResultsService,
  ) {}

  /** The cycle's results report: exactly the figures `GET /cycles/{id}/results` answers. */
  async results(actor: Actor, cycleId: string): Promise<StreamableFile> {
    const results = await this.cycleResults.results(actor, cycleId);
    const data = await loadResultsRecord(this.dataSource.manager, results);
    return pdfFile(await renderResultsRecord(data), recordFilename('ket-qua', data.cluster.code, data.cycle.year));
  }

  /** A pledge version: shared text, each unit's signed targets and signers, the seal (or "not sealed"). */
  async pledge(_actor: Actor, pledgeId: string): Promise<StreamableFile> {
    // One snapshot: the parts, their signatures and the seal are read as of the same moment.
    const data = await this.dataSource.transaction('REPEATABLE READ', (manager) => loadPledgeRecord(manager, pledgeId));
    const filename = recordFilename('giao-uoc', data.cluster.code, data.cycle.year, `v${data.pledge.version}`);
    return pdfFile(await renderPledgeRecord(data), filename);
  }
}
