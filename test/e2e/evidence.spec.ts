// A small limit for this file only, set before the app (and its config) is loaded.
process.env.EVIDENCE_MAX_BYTES = String(64 * 1024);

import { createHash, randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import { insertSealedPledge } from '../utils/sealed-pledge';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { expectProblem } from '../utils/problems';
import { asUser, demoClusterId, SECRETARIAT, unitIdsByCode } from '../utils/signed-in';

const MAX_BYTES = 64 * 1024;
const OFFICER = (code: string) => `canbo.${code}@thidua.local`;
const HEAD = (code: string) => `chutich.${code}@thidua.local`;
const DELEGATE = (code: string) => `daibieu.${code}@thidua.local`;
const ITEM = 'A1';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A PDF whose body holds every byte value, so any text decoding on the way would show. */
function pdf(extra = Buffer.alloc(0)): Buffer {
  const everyByte = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  return Buffer.concat([
    Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
    everyByte,
    extra,
    Buffer.from('\n%%EOF\n'),
  ]);
}

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A minimal real ZIP (one stored entry), as a .docx is: local header, data, central directory, end. */
function docx(): Buffer {
  const name = Buffer.from('[Content_Types].xml');
  const data = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Types/>');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc32(data), 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc32(data), 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const centralOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

/** Collects a response body as bytes, whatever its type. */
function binary(res: Response, callback: (err: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream; // at this point, the raw response
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

/**
 * Evidence files through HTTP: attached by the unit to its score entries, read back exactly,
 * their SHA-256 in the ledger; refused by type, size and emptiness; guarded like the sheet.
 */
describe('evidence files', () => {
  let t: TestApp;
  let periodId: string;
  const unitIds: Record<string, string> = {};

  const entryPath = (code: string, item = ITEM) =>
    `${API}/scoring-periods/${periodId}/units/${unitIds[code]}/entries/${item}/evidence`;
  const upload = async (code: string, bytes: Buffer, fileName: string, email = OFFICER(code)) =>
    t.http
      .post(entryPath(code))
      .set(await asUser(t, email))
      .attach('file', bytes, fileName);
  const download = async (id: string, email: string) =>
    t.http
      .get(`${API}/evidence-files/${id}/content`)
      .set(await asUser(t, email))
      .buffer(true)
      .parse(binary);
  const ledgerOf = async (fileId: string, action: string) => {
    const res = await t.http
      .get(`${API}/ledger/entries?subjectType=evidence_file&subjectId=${fileId}&action=${action}`)
      .set(await asUser(t, SECRETARIAT));
    expect(res.body.items).toHaveLength(1);
    return res.body.items[0].payload as Record<string, unknown>;
  };

  const setSheetStatus = (code: string, status: 'draft' | 'submitted') =>
    t.dataSource.query(`UPDATE score_sheets SET status = $1 WHERE period_id = $2 AND unit_id = $3`, [
      status,
      periodId,
      unitIds[code],
    ]);

  const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

  /**
   * Through the API: a 2030 cycle under the demo's adopted rules v1, in evaluation, a scoring
   * period open for self-scoring, and a self score for item A1 by the officers of son-la and lai-chau.
   */
  async function openPeriodWithEntries(clusterId: string): Promise<string> {
    const secretariat = await asUser(t, SECRETARIAT);
    const cycle = await t.http.post(`${API}/clusters/${clusterId}/cycles`).set(secretariat).send({ year: 2030 });
    expect(cycle.status).toBe(201);
    const advance = (to: string) => t.http.post(`${API}/cycles/${cycle.body.id}/advance`).set(secretariat).send({ to });
    expect((await advance('rules_adoption')).status).toBe(200);
    const adopted = await t.http.get(`${API}/clusters/${clusterId}/rules-versions?status=adopted`).set(secretariat);
    const v1 = (adopted.body.items as { id: string; number: number }[]).find((version) => version.number === 1)!;
    const pinned = await t.http
      .put(`${API}/cycles/${cycle.body.id}/rules-version`)
      .set(secretariat)
      .send({ rulesVersionId: v1.id });
    expect(pinned.status).toBe(200);
    expect((await advance('pledge_signing')).status).toBe(200);
    // The year's work needs a sealed pledge (gate pledges.sealed); pledges are not this spec's subject.
    await insertSealedPledge(t.dataSource, cycle.body.id);
    for (const phase of ['in_progress', 'evaluation']) expect((await advance(phase)).status).toBe(200);
    const period = await t.http
      .post(`${API}/cycles/${cycle.body.id}/scoring-periods`)
      .set(secretariat)
      .send({ name: 'Chấm điểm thi đua năm 2030', selfScoringDue: day(30), explanationDue: day(60) });
    expect(period.status).toBe(201);
    for (const code of ['son-la', 'lai-chau']) {
      const entry = await t.http
        .put(`${API}/scoring-periods/${period.body.id}/units/${unitIds[code]}/entries/${ITEM}`)
        .set(await asUser(t, OFFICER(code)))
        .send({ selfScore: '8', selfNote: 'Xem biên bản đính kèm' });
      expect(entry.status).toBe(200);
    }
    return period.body.id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const clusterId = await demoClusterId(t);
    Object.assign(unitIds, await unitIdsByCode(t, clusterId));
    periodId = await openPeriodWithEntries(clusterId);
  });
  afterAll(() => t.close());

  describe('round trip', () => {
    it.each([
      ['a PDF', pdf(randomBytes(4096)), 'bien-ban.pdf', 'application/pdf'],
      ['a PNG', PNG, 'anh-chup.png', 'image/png'],
      ['a DOCX', docx(), 'ke-hoach.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ])('%s comes back byte for byte, its SHA-256 in the ledger', async (_, bytes, fileName, contentType) => {
      const uploaded = await upload('son-la', bytes, fileName);

      expect(uploaded.status).toBe(201);
      expect(uploaded.body).toEqual({
        id: expect.any(String),
        periodId,
        unitId: unitIds['son-la'],
        itemCode: ITEM,
        entryId: expect.any(String),
        fileName,
        contentType,
        sizeBytes: bytes.length,
        sha256: sha256(bytes),
        uploadedBy: expect.any(String),
        createdAt: expect.any(String),
      });
      const content = await download(uploaded.body.id, OFFICER('son-la'));
      expect(content.status).toBe(200);
      expect(Buffer.compare(content.body as Buffer, bytes)).toBe(0);
      expect(content.headers).toMatchObject({
        'content-type': contentType,
        'content-length': String(bytes.length),
        etag: `"${sha256(bytes)}"`,
        'x-content-sha256': sha256(bytes),
      });
      expect(await ledgerOf(uploaded.body.id, 'evidence.file_attached')).toEqual({
        fileId: uploaded.body.id,
        entryId: uploaded.body.entryId,
        fileName,
        contentType,
        sizeBytes: bytes.length,
        sha256: sha256(bytes),
      });
    });

    it('keeps a Vietnamese file name and sends it back encoded (RFC 5987)', async () => {
      const name = 'Báo cáo tổng kết năm 2011.pdf';
      const uploaded = await upload('son-la', pdf(Buffer.from('tong ket')), name, HEAD('son-la'));

      expect(uploaded.status).toBe(201);
      expect(uploaded.body.fileName).toBe(name);
      const metadata = await t.http
        .get(`${API}/evidence-files/${uploaded.body.id}`)
        .set(await asUser(t, OFFICER('son-la')));
      expect(metadata.body.fileName).toBe(name);
      const content = await download(uploaded.body.id, OFFICER('son-la'));
      expect(content.headers['content-disposition']).toBe(
        `attachment; filename="Bao cao tong ket nam 2011.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
    });

    it('detects the type from the bytes, not from what the client declares', async () => {
      const res = await t.http
        .post(entryPath('son-la'))
        .set(await asUser(t, OFFICER('son-la')))
        .attach('file', PNG, { filename: 'scan.png', contentType: 'application/pdf' });

      expect(res.status).toBe(201);
      expect(res.body.contentType).toBe('image/png');
    });

    it('accepts a file of exactly EVIDENCE_MAX_BYTES', async () => {
      const bytes = pdf();
      const full = pdf(randomBytes(MAX_BYTES - bytes.length));

      const res = await upload('son-la', full, 'day-du.pdf');

      expect(res.status).toBe(201);
      expect(res.body.sizeBytes).toBe(MAX_BYTES);
    });

    it('stores identical bytes once, however many files name them', async () => {
      const bytes = pdf(Buffer.from('the same twice'));
      const first = await upload('son-la', bytes, 'lan-1.pdf');
      const second = await upload('lai-chau', bytes, 'lan-2.pdf');

      expect([first.status, second.status]).toEqual([201, 201]);
      const blobs = (await t.dataSource.query(`SELECT size_bytes FROM stored_blobs WHERE sha256 = $1`, [
        sha256(bytes),
      ])) as unknown[];
      expect(blobs).toHaveLength(1);
      expect(Buffer.compare((await download(second.body.id, OFFICER('lai-chau'))).body as Buffer, bytes)).toBe(0);
    });

    it("lists an entry's files, oldest first", async () => {
      const res = await t.http.get(entryPath('son-la')).set(await asUser(t, DELEGATE('son-la')));

      expect(res.status).toBe(200);
      expect(res.body.items.map((f: { fileName: string }) => f.fileName)).toEqual([
        'bien-ban.pdf',
        'anh-chup.png',
        'ke-hoach.docx',
        'Báo cáo tổng kết năm 2011.pdf',
        'scan.png',
        'day-du.pdf',
        'lan-1.pdf',
      ]);
    });
  });

  describe('refusals', () => {
    it('refuses random bytes named .pdf: 415 evidence_type_not_allowed, naming the allowed types', async () => {
      const res = await upload('son-la', randomBytes(2048), 'bao-cao.pdf');

      expectProblem(res, 415, 'evidence_type_not_allowed');
      expect(res.body.allowedTypes).toEqual(expect.arrayContaining(['PDF', 'PNG', 'JPEG']));
      expect(res.body.detail).toMatch(/PDF, PNG, JPEG/);
    });

    it('refuses PNG bytes named .html: 422 evidence_name_type_mismatch, and stores nothing', async () => {
      const before = await t.http.get(entryPath('lai-chau')).set(await asUser(t, OFFICER('lai-chau')));
      const res = await upload('lai-chau', PNG, 'bao-cao.html');

      expectProblem(res, 422, 'evidence_name_type_mismatch');
      expect(res.body).toMatchObject({ contentType: 'image/png', allowedExtensions: ['png'] });
      const after = await t.http.get(entryPath('lai-chau')).set(await asUser(t, OFFICER('lai-chau')));
      expect(after.body.total).toBe(before.body.total);
    });

    it('refuses a PDF named .png the same way', async () => {
      const res = await upload('lai-chau', pdf(), 'anh.png');

      expectProblem(res, 422, 'evidence_name_type_mismatch');
      expect(res.body.allowedExtensions).toEqual(['pdf']);
    });

    it("gives a name without an extension the detected type's, and takes an upper-case extension", async () => {
      const bare = await upload('lai-chau', PNG, 'anh-chup-man-hinh');
      const upper = await upload('lai-chau', pdf(), 'BIEN-BAN.PDF');

      expect(bare.status).toBe(201);
      expect(bare.body).toMatchObject({ fileName: 'anh-chup-man-hinh.png', contentType: 'image/png' });
      expect(upper.status).toBe(201);
      expect(upper.body.fileName).toBe('BIEN-BAN.PDF');
    });

    it('refuses a ZIP that does not say it is an office document: 415', async () => {
      expectProblem(await upload('son-la', docx(), 'luu-tru.zip'), 415, 'evidence_type_not_allowed');
    });

    it('refuses a file over EVIDENCE_MAX_BYTES: 413 evidence_too_large', async () => {
      const res = await upload('son-la', pdf(randomBytes(MAX_BYTES)), 'qua-lon.pdf');

      expectProblem(res, 413, 'evidence_too_large');
      expect(res.body.maxBytes).toBe(MAX_BYTES);
    });

    it('refuses an empty file: 400 evidence_empty', async () => {
      expectProblem(await upload('son-la', Buffer.alloc(0), 'trong.pdf'), 400, 'evidence_empty');
    });

    it('refuses a form without the `file` field: 400 evidence_file_missing', async () => {
      const onlyText = await t.http
        .post(entryPath('son-la'))
        .set(await asUser(t, OFFICER('son-la')))
        .field('note', 'xem tệp đính kèm');
      expectProblem(onlyText, 400, 'evidence_file_missing');

      const otherField = await t.http
        .post(entryPath('son-la'))
        .set(await asUser(t, OFFICER('son-la')))
        .attach('document', pdf(), 'a.pdf');
      expectProblem(otherField, 400, 'evidence_file_missing');
    });

    it('refuses two files in one request: 400 evidence_too_many_parts', async () => {
      const res = await t.http
        .post(entryPath('son-la'))
        .set(await asUser(t, OFFICER('son-la')))
        .attach('file', pdf(), 'a.pdf')
        .attach('file', PNG, 'b.png');

      expectProblem(res, 400, 'evidence_too_many_parts');
    });

    it('refuses a JSON body: 415 unsupported_media_type, never a 500', async () => {
      const res = await t.http
        .post(entryPath('son-la'))
        .set(await asUser(t, OFFICER('son-la')))
        .send({ file: Buffer.from('%PDF-1.4').toString('base64') });

      expectProblem(res, 415, 'unsupported_media_type');
    });

    it('keeps the JSON routes JSON: a multipart body elsewhere is 415 unsupported_media_type', async () => {
      const res = await t.http
        .post(`${API}/auth/login`)
        .field('email', OFFICER('son-la'))
        .field('password', 'thidua-demo-2011');

      expectProblem(res, 415, 'unsupported_media_type');
    });

    it('refuses a broken multipart body: 400 evidence_malformed_upload', async () => {
      const res = await t.http
        .post(entryPath('son-la'))
        .set(await asUser(t, OFFICER('son-la')))
        .set('Content-Type', 'multipart/form-data; boundary=xyz')
        .send(
          '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 and then nothing',
        );

      expectProblem(res, 400, 'evidence_malformed_upload');
    });

    it('answers 404 entry_not_found for an item the unit has not scored', async () => {
      const res = await t.http
        .post(entryPath('son-la', 'C3'))
        .set(await asUser(t, OFFICER('son-la')))
        .attach('file', pdf(), 'a.pdf');

      expectProblem(res, 404, 'entry_not_found');
    });
  });

  describe('access', () => {
    let draftFileId: string;
    beforeAll(async () => {
      draftFileId = (await upload('son-la', pdf(Buffer.from('rieng')), 'rieng.pdf')).body.id;
    });

    it("refuses another unit's officer the upload: 403 sheet_entry_forbidden", async () => {
      const res = await upload('son-la', pdf(), 'a.pdf', OFFICER('lai-chau'));

      expectProblem(res, 403, 'sheet_entry_forbidden');
    });

    it('refuses a delegate, who may not upload at all: 403 forbidden', async () => {
      expectProblem(await upload('son-la', pdf(), 'a.pdf', DELEGATE('son-la')), 403, 'forbidden');
    });

    it("refuses another unit's officer the evidence of a draft sheet: 403 sheet_not_visible", async () => {
      const other = await asUser(t, OFFICER('lai-chau'));

      expectProblem(await t.http.get(entryPath('son-la')).set(other), 403, 'sheet_not_visible');
      expectProblem(await t.http.get(`${API}/evidence-files/${draftFileId}`).set(other), 403, 'sheet_not_visible');
      const content = await t.http.get(`${API}/evidence-files/${draftFileId}/content`).set(other);
      expectProblem(content, 403, 'sheet_not_visible');
      const removed = await t.http.delete(`${API}/evidence-files/${draftFileId}`).set(other);
      expectProblem(removed, 403, 'sheet_entry_forbidden');
    });

    it("lets the cluster's secretariat read a draft's evidence", async () => {
      const content = await download(draftFileId, SECRETARIAT);

      expect(content.status).toBe(200);
      expect(Buffer.compare(content.body as Buffer, pdf(Buffer.from('rieng')))).toBe(0);
    });

    it('once the sheet is submitted: readable across the cluster, closed to new files (409 sheet_not_draft)', async () => {
      await setSheetStatus('son-la', 'submitted');
      try {
        expect((await download(draftFileId, OFFICER('lai-chau'))).status).toBe(200);
        expectProblem(await upload('son-la', pdf(), 'muon.pdf'), 409, 'sheet_not_draft');
        const removed = await t.http
          .delete(`${API}/evidence-files/${draftFileId}`)
          .set(await asUser(t, OFFICER('son-la')));
        expectProblem(removed, 409, 'sheet_not_draft');
      } finally {
        await setSheetStatus('son-la', 'draft');
      }
    });

    it('after the self-scoring deadline: 409 self_scoring_closed', async () => {
      await t.dataSource.query(
        `UPDATE scoring_periods SET self_scoring_due = (now() - interval '3 days')::date WHERE id = $1`,
        [periodId],
      );
      try {
        expectProblem(await upload('son-la', pdf(), 'tre.pdf'), 409, 'self_scoring_closed');
      } finally {
        await t.dataSource.query(
          `UPDATE scoring_periods SET self_scoring_due = (now() + interval '30 days')::date WHERE id = $1`,
          [periodId],
        );
      }
    });

    it('answers 404 for an unknown file and 400 for a malformed id', async () => {
      const officer = await asUser(t, OFFICER('son-la'));
      expectProblem(
        await t.http.get(`${API}/evidence-files/00000000-0000-4000-8000-000000000000`).set(officer),
        404,
        'evidence_file_not_found',
      );
      expectProblem(await t.http.get(`${API}/evidence-files/nope/content`).set(officer), 400, 'invalid_identifier');
    });
  });

  describe('removal', () => {
    it('detaches a file, records it in the ledger and keeps the stored bytes', async () => {
      const bytes = pdf(Buffer.from('se xoa'));
      const uploaded = await upload('lai-chau', bytes, 'nham.pdf');

      const removed = await t.http
        .delete(`${API}/evidence-files/${uploaded.body.id}`)
        .set(await asUser(t, HEAD('lai-chau')));

      expect(removed.status).toBe(204);
      expectProblem(
        await t.http.get(`${API}/evidence-files/${uploaded.body.id}`).set(await asUser(t, OFFICER('lai-chau'))),
        404,
        'evidence_file_not_found',
      );
      expect(await ledgerOf(uploaded.body.id, 'evidence.file_removed')).toEqual({
        fileId: uploaded.body.id,
        entryId: uploaded.body.entryId,
        fileName: 'nham.pdf',
        sha256: sha256(bytes),
      });
      const blobs = (await t.dataSource.query(`SELECT 1 FROM stored_blobs WHERE sha256 = $1`, [sha256(bytes)])) as [];
      expect(blobs).toHaveLength(1);
    });
  });

  describe('after adoption', () => {
    let fileId: string;
    beforeAll(async () => {
      fileId = (await upload('son-la', pdf(Buffer.from('truoc')), 'truoc.pdf')).body.id;
      await t.dataSource.query(`UPDATE scoring_periods SET status = 'adopted', adopted_at = now() WHERE id = $1`, [
        periodId,
      ]);
    });

    it('refuses a new file and the removal of one: 409 period_adopted', async () => {
      expectProblem(await upload('son-la', pdf(), 'sau.pdf'), 409, 'period_adopted');

      const removed = await t.http.delete(`${API}/evidence-files/${fileId}`).set(await asUser(t, OFFICER('son-la')));
      expectProblem(removed, 409, 'period_adopted');
    });

    it('is refused by the database too (trigger, TD001), whatever the code checks', async () => {
      const insert = t.dataSource.query(
        `INSERT INTO evidence_files (entry_id, file_name, content_type, size_bytes, sha256, uploaded_by)
         SELECT entry_id, 'lach.pdf', content_type, size_bytes, sha256, uploaded_by FROM evidence_files WHERE id = $1`,
        [fileId],
      );

      await expect(insert).rejects.toMatchObject({ driverError: expect.objectContaining({ code: 'TD001' }) });
    });

    it('still serves the files, byte for byte', async () => {
      const content = await download(fileId, OFFICER('son-la'));

      expect(content.status).toBe(200);
      expect(Buffer.compare(content.body as Buffer, pdf(Buffer.from('truoc')))).toBe(0);
    });

    it('leaves a ledger that verifies', async () => {
      const verify = await t.http.get(`${API}/ledger/verify`).set(await asUser(t, OFFICER('son-la')));

      expect(verify.body.valid).toBe(true);
    });
  });
});
