import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { publicConfig } from '../../config/public.config';
import { CycleResultsService } from '../reports';
import { renderCountingRecord } from './counting-record';
import { loadCountingRecord } from './counting-record.loader';
import { renderHandoverRecord } from './handover-record';
import { loadHandoverRecord } from './handover-record.loader';
import { renderPledgeRecord } from './pledge-record';
import { loadPledgeRecord } from './pledge-record.loader';
import { renderResultsRecord } from './results-record';
import { loadResultsRecord } from './results-record.loader';
import type { RecordSeal } from './record-parts';

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

/** What a poll's counting record file is called after: its kind, in words a file name can hold. */
const POLL_KIND_SLUGS: Readonly<Record<string, string>> = {
  leader_election: 'bau-cum-truong',
  deputy_election: 'bau-cum-pho',
  award_proposal: 'de-nghi-khen-thuong',
  motion: 'bieu-quyet',
};

/**
 * Signed records as documents (biên bản): each record is loaded into plain data, then drawn by
 * its renderer. The same stored data always gives the same bytes.
 */
@Injectable()
export class RecordsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cycleResults: CycleResultsService,
    @Inject(publicConfig.KEY) private readonly publicSite: ConfigType<typeof publicConfig>,
  ) {}

  /**
   * A final record (sealed pledge, certified count, completed handover: a signed document's digest,
   * sealed) links to the public verifier, which serves its bundle (GET /records/{digest}/bundle).
   */
  private withVerifyLink(seal: RecordSeal): RecordSeal {
    const final = seal.sealed && (seal.digestOf === 'seal_document' || seal.digestOf === 'signed_document');
    return final ? { ...seal, verifyUrl: `${this.publicSite.baseUrl}/verify/${seal.digest}` } : seal;
  }

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
    return pdfFile(await renderPledgeRecord({ ...data, seal: this.withVerifyLink(data.seal) }), filename);
  }

  /** A tallied poll's counting record: what the board and the secretariat signed, certified or not. */
  async countingRecord(_actor: Actor, pollId: string): Promise<StreamableFile> {
    const data = await this.dataSource.transaction('REPEATABLE READ', (manager) => loadCountingRecord(manager, pollId));
    const filename = recordFilename(
      'kiem-phieu',
      data.cluster.code,
      data.cycle.year,
      POLL_KIND_SLUGS[data.poll.kind] ?? data.poll.kind,
      `lan-${data.poll.round}`,
      data.poll.id.slice(0, 8),
    );
    return pdfFile(await renderCountingRecord({ ...data, seal: this.withVerifyLink(data.seal) }), filename);
  }

  /** A flag handover's record: what both heads signed, the custody it moved, completed or not. */
  async handoverRecord(_actor: Actor, handoverId: string): Promise<StreamableFile> {
    const data = await this.dataSource.transaction('REPEATABLE READ', (manager) =>
      loadHandoverRecord(manager, handoverId),
    );
    const filename = recordFilename('ban-giao-co', data.cluster.code, data.cycle.year, data.handover.id.slice(0, 8));
    return pdfFile(await renderHandoverRecord({ ...data, seal: this.withVerifyLink(data.seal) }), filename);
  }
}
