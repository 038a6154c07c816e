import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { errorForConstraint } from '../../common/errors/constraint-errors';
import { DomainException } from '../../common/errors/domain.exception';
import { RegistryException, unitExists, unitRefs } from '../registry';
import { PasswordHasher, userIdByEmail, UsersService } from '../users';
import type { PeopleImportErrorDto, PeopleImportResultDto, PeopleImportRowDto } from './dto/people.dto';
import type { UnitRole } from './mandate.entity';
import { MandatePolicy } from './mandate.policy';
import { MandatesErrorCode, MandatesException } from './mandates.exception';
import { MandatesService } from './mandates.service';
import {
  parsePeopleSheet,
  writePeopleSheet,
  type PeopleColumn,
  type PeopleRow,
  type PeopleSheetFormat,
} from './people-sheet';
import { checkPeopleRow, columnOfCode, vietnameseFor, vnInstant } from './people-rows';

/** Thrown inside the transaction to roll it back while keeping the report (dry run, refused rows). */
class RollBack extends Error {
  constructor(readonly result: PeopleImportResultDto) {
    super('rolled back');
  }
}

export interface PeopleSheetFile {
  bytes: Buffer;
  fileName: string;
  contentType: string;
}

const CONTENT_TYPES: Record<PeopleSheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/**
 * A unit's people with their mandates, in bulk (issue #13): imported from an `.xlsx` or CSV sheet
 * by whoever may grant them — each row goes through the same policy and the same grant as
 * `POST /mandates`, in one transaction with a savepoint per row — and exported in the same shape.
 */
@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mandates: MandatesService,
    private readonly users: UsersService,
    private readonly passwords: PasswordHasher,
  ) {}

  async import(actor: Actor, unitId: string, bytes: Buffer, dryRun: boolean): Promise<PeopleImportResultDto> {
    if (!(await unitExists(this.dataSource.manager, unitId))) {
      throw RegistryException.unitNotFound(unitId);
    }
    const parsed = await parsePeopleSheet(bytes);
    if (parsed.problems.length) {
      throw new MandatesException(
        MandatesErrorCode.PeopleSheetInvalid,
        `${parsed.problems[0].en} Nothing was imported.`,
        {
          errors: parsed.problems.map((p) => ({
            row: p.row,
            column: p.column,
            code: p.code,
            message: { vi: p.vi, en: p.en },
          })),
        },
      );
    }
    // New accounts get one random, discarded password (hashed once: argon2 is slow); the person signs
    // in after a password is set for them.
    const passwordHash = await this.passwords.hash(randomBytes(32).toString('base64url'));
    let result: PeopleImportResultDto;
    try {
      result = await this.dataSource.transaction(async (manager) => {
        const report = emptyReport(dryRun, parsed.rows.length);
        for (const row of parsed.rows) await this.importRow(manager, actor, unitId, row, passwordHash, report);
        if (dryRun || report.errors.length) throw new RollBack(report);
        report.applied = true;
        return report;
      });
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
      result = error.result;
    }
    if (!dryRun && result.errors.length) {
      throw new MandatesException(
        MandatesErrorCode.PeopleImportRejected,
        `${new Set(result.errors.map((e) => e.row)).size} row(s) are refused; nothing was imported. Correct them and send the sheet again.`,
        { errors: result.errors, rows: result.rows },
      );
    }
    return result;
  }

  async export(_actor: Actor, unitId: string, format: PeopleSheetFormat): Promise<PeopleSheetFile> {
    const unit = (await unitRefs(this.dataSource.manager, [unitId])).get(unitId);
    if (!unit) throw RegistryException.unitNotFound(unitId);
    // read model: the sheet is ordered by the people's emails in the database's collation, in one statement.
    const mandates = (await this.dataSource.query(
      `SELECT m.id, m.role, m.valid_from, m.valid_to, u.email, u.full_name
         FROM mandates m JOIN users u ON u.id = m.user_id
        WHERE m.unit_id = $1
        ORDER BY array_position(ARRAY['head', 'officer', 'delegate'], m.role), m.valid_from, u.email`,
      [unitId],
    )) as { id: string; role: UnitRole; valid_from: Date; valid_to: Date | null; email: string; full_name: string }[];
    const rows = mandates.map((m): Record<PeopleColumn, string> => ({
      email: m.email,
      fullName: m.full_name,
      role: m.role,
      validFrom: vnInstant(m.valid_from),
      validTo: m.valid_to ? vnInstant(m.valid_to) : '',
      mandateId: m.id,
    }));
    return {
      bytes: await writePeopleSheet(format, unit.code, rows),
      fileName: `${unit.code}-people.${format}`,
      contentType: CONTENT_TYPES[format],
    };
  }

  /** One row, in a savepoint: a refused row leaves no trace and the next row is checked as if it never ran. */
  private async importRow(
    manager: EntityManager,
    actor: Actor,
    unitId: string,
    row: PeopleRow,
    passwordHash: string,
    report: PeopleImportResultDto,
  ): Promise<void> {
    const outcome: PeopleImportRowDto = {
      row: row.row,
      email: row.email?.toLowerCase() ?? null,
      role: row.role ?? null,
      outcome: 'refused',
      accountCreated: false,
      mandateId: null,
    };
    report.rows.push(outcome);
    const checked = checkPeopleRow(row);
    if ('errors' in checked) {
      report.errors.push(...checked.errors);
      return;
    }
    outcome.role = checked.role;
    await manager.query('SAVEPOINT people_row');
    try {
      let userId = await userIdByEmail(manager, checked.email);
      if (!userId && !checked.fullName) {
        report.errors.push(
          rowError(row.row, 'fullName', 'full_name_required', {
            en: `There is no account for ${checked.email}; give the person's full name to create one.`,
            vi: `Chưa có tài khoản cho ${checked.email}; hãy ghi họ và tên để tạo tài khoản.`,
          }),
        );
        await manager.query('ROLLBACK TO SAVEPOINT people_row');
        return;
      }
      const scope = { role: checked.role, unitId, clusterId: null };
      if (userId) MandatePolicy.assertMayGrant(actor, scope, userId);
      else {
        MandatePolicy.assertMayGrant(actor, scope, '');
        const created = await this.users.createIn(
          manager,
          actor,
          { email: checked.email, fullName: checked.fullName!, locale: 'vi' },
          passwordHash,
          'people_import',
        );
        userId = created.id;
        outcome.accountCreated = true;
      }
      const [same] = (await manager.query(
        `SELECT id FROM mandates WHERE user_id = $1 AND role = $2 AND unit_id = $3 AND valid_from = $4`,
        [userId, checked.role, unitId, checked.validFrom],
      )) as { id: string }[];
      if (same) {
        outcome.outcome = 'unchanged';
        outcome.mandateId = same.id;
        report.unchanged += 1;
      } else {
        const mandate = await this.mandates.grantIn(manager, actor, userId, scope, checked.validFrom, checked.validTo);
        outcome.outcome = 'granted';
        outcome.mandateId = report.dryRun ? null : mandate.id;
        report.granted += 1;
        if (outcome.accountCreated) report.accountsCreated += 1;
      }
      await manager.query('RELEASE SAVEPOINT people_row');
    } catch (error) {
      const refusal = asDomainError(error);
      if (!refusal) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT people_row');
      outcome.accountCreated = false;
      report.errors.push(
        rowError(row.row, columnOfCode(refusal.code), refusal.code, {
          en: refusal.detail ?? refusal.definition.title,
          vi: vietnameseFor(refusal.code) ?? refusal.detail ?? refusal.definition.title,
        }),
      );
    }
  }
}

function emptyReport(dryRun: boolean, rowCount: number): PeopleImportResultDto {
  return { dryRun, applied: false, rowCount, granted: 0, unchanged: 0, accountsCreated: 0, rows: [], errors: [] };
}

function rowError(
  row: number,
  column: string | null,
  code: string,
  message: { vi: string; en: string },
): PeopleImportErrorDto {
  return { row, column, code, message };
}

/** A refusal the API would answer with a code: the module's exception, or a constraint it explains. */
function asDomainError(error: unknown): DomainException | undefined {
  if (error instanceof DomainException) return error;
  if (error instanceof QueryFailedError) {
    return errorForConstraint((error.driverError as { constraint?: string })?.constraint);
  }
  return undefined;
}
