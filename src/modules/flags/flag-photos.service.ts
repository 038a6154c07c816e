import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import {
  EvidenceErrorCode,
  EvidenceException,
  detectEvidenceContentType,
  EvidenceStorage,
  type UploadedEvidence,
} from '../evidence';
import { LedgerService } from '../ledger';
import type { FlagResponseDto } from './dto/flags.dto';
import { lockFlag } from './flag-custody';
import { Flag } from './flag.entity';
import { FlagPolicy } from './flag.policy';
import { flagResponse } from './flag-responses';
import { FlagsErrorCode, FlagsException } from './flags.exception';
import { FLAG_SUBJECT_TYPE } from './flags.service';

export interface FlagPhoto {
  bytes: Buffer;
  contentType: string;
  sha256: string;
}

export function flagPhotoHeaders(photo: FlagPhoto): Record<string, string> {
  return {
    'content-type': photo.contentType,
    'content-length': String(photo.bytes.length),
    etag: `"${photo.sha256}"`,
    'x-content-sha256': photo.sha256,
    'cache-control': 'private, no-cache',
  };
}

/** The flag's photo: an image kept in the evidence storage, addressed by its SHA-256. */
@Injectable()
export class FlagPhotosService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly storage: EvidenceStorage,
  ) {}

  async set(actor: Actor, flagId: string, upload: UploadedEvidence): Promise<FlagResponseDto> {
    if (upload.bytes.length === 0) {
      throw new EvidenceException(EvidenceErrorCode.Empty, 'The file has no content: attach the photo itself.');
    }
    const contentType = detectEvidenceContentType(upload.bytes, upload.fileName);
    if (!contentType?.startsWith('image/')) {
      throw new FlagsException(FlagsErrorCode.PhotoNotImage, 'Send a PNG, JPEG, GIF or WebP photo of the flag.');
    }
    return this.dataSource.transaction(async (manager) => {
      const flag = await lockFlag(manager, flagId);
      FlagPolicy.assertMayManage(actor, flag.clusterId);
      const stored = await this.storage.put(manager, upload.bytes);
      await manager.update(Flag, { id: flag.id }, { photoSha256: stored.sha256, photoContentType: contentType });
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'flags.photo_set',
        subjectType: FLAG_SUBJECT_TYPE,
        subjectId: flag.id,
        payload: { sha256: stored.sha256, contentType, sizeBytes: stored.sizeBytes, previousSha256: flag.photoSha256 },
      });
      return flagResponse(manager, await manager.findOneByOrFail(Flag, { id: flag.id }));
    });
  }

  async get(_actor: Actor, flagId: string): Promise<FlagPhoto> {
    const manager = this.dataSource.manager;
    const flag = await manager.findOne(Flag, { where: { id: flagId } });
    if (!flag) throw FlagsException.flagNotFound({ flagId });
    const bytes = flag.photoSha256 ? await this.storage.get(manager, flag.photoSha256) : null;
    if (!flag.photoSha256 || !bytes) {
      throw new FlagsException(FlagsErrorCode.PhotoNotFound, 'No photo of this flag has been uploaded.');
    }
    return { bytes, contentType: flag.photoContentType!, sha256: flag.photoSha256 };
  }
}
