import type { PeopleImportErrorDto } from './dto/people.dto';
import { UNIT_ROLES, type UnitRole } from './mandate.entity';
import type { PeopleRow } from './people-sheet';

/** A row of the people sheet once its cells are read: what a grant needs. */
export interface CheckedPeopleRow {
  email: string;
  fullName: string | null;
  role: UnitRole;
  validFrom: Date;
  validTo: Date | null;
}

/** Vietnamese role names people write in the sheet, besides the API's keys. */
const ROLE_ALIASES: Record<string, UnitRole> = {
  'cán bộ': 'officer',
  'chủ tịch': 'head',
  'người đứng đầu': 'head',
  'đại biểu': 'delegate',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
/** Vietnam keeps UTC+7 all year: a day in the sheet starts at its midnight there. */
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Checks a row's cells (not yet the rules: those are the API's, applied by the service). */
export function checkPeopleRow(row: PeopleRow): CheckedPeopleRow | { errors: PeopleImportErrorDto[] } {
  const errors: PeopleImportErrorDto[] = [];
  const fail = (column: string, code: string, en: string, vi: string) =>
    errors.push({ row: row.row, column, code, message: { vi, en } });

  const email = row.email?.trim().toLowerCase() ?? '';
  if (!email) fail('email', 'value_required', 'The email is missing.', 'Thiếu địa chỉ thư điện tử.');
  else if (!EMAIL.test(email) || email.length > 254) {
    fail(
      'email',
      'email_invalid',
      `"${row.email}" is not an email address.`,
      `"${row.email}" không phải địa chỉ thư điện tử.`,
    );
  }
  const fullName = row.fullName?.trim() || null;
  if (fullName && fullName.length > 200) {
    fail('fullName', 'text_too_long', 'The full name is longer than 200 characters.', 'Họ và tên dài quá 200 ký tự.');
  }
  const roleText = row.role?.trim().toLowerCase() ?? '';
  const role = (UNIT_ROLES as readonly string[]).includes(roleText) ? (roleText as UnitRole) : ROLE_ALIASES[roleText];
  if (!roleText) fail('role', 'value_required', 'The role is missing.', 'Thiếu vai trò.');
  else if (!role) {
    fail(
      'role',
      'role_invalid',
      `"${row.role}" is not a role of a unit: write officer, head or delegate.`,
      `"${row.role}" không phải vai trò của đơn vị: ghi cán bộ (officer), chủ tịch (head) hoặc đại biểu (delegate).`,
    );
  }
  const validFrom = row.validFrom ? parseInstant(row.validFrom) : new Date();
  if (!validFrom) fail('validFrom', 'date_invalid', dateEn(row.validFrom!), dateVi(row.validFrom!));
  const validTo = row.validTo ? parseInstant(row.validTo) : null;
  if (row.validTo && !validTo) fail('validTo', 'date_invalid', dateEn(row.validTo), dateVi(row.validTo));
  if (validFrom && validTo && validTo <= validFrom) {
    fail('validTo', 'mandate_period_invalid', 'validTo must be later than validFrom.', VI.mandate_period_invalid);
  }
  if (errors.length) return { errors };
  return { email, fullName, role: role!, validFrom: validFrom!, validTo };
}

/** A day (midnight in Vietnam) or an instant with its offset. */
function parseInstant(text: string): Date | null {
  const day = DAY.exec(text);
  if (day) {
    const ms = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])) - VN_OFFSET_MS;
    const date = new Date(ms);
    return new Date(ms + VN_OFFSET_MS).toISOString().startsWith(text) ? date : null;
  }
  if (!INSTANT.test(text)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

const dateEn = (text: string) =>
  `"${text}" is not a day (YYYY-MM-DD, Vietnam time) nor a date-time with an offset (2012-01-01T08:00:00+07:00).`;
const dateVi = (text: string) =>
  `"${text}" không phải ngày (YYYY-MM-DD, giờ Việt Nam) hay thời điểm có múi giờ (2012-01-01T08:00:00+07:00).`;

/** An instant as Vietnam time with its offset, as the export writes it and the import reads it back. */
export function vnInstant(date: Date): string {
  const local = new Date(date.getTime() + VN_OFFSET_MS).toISOString();
  return `${local.endsWith('.000Z') ? local.slice(0, 19) : local.slice(0, 23)}+07:00`;
}

/** The Vietnamese sentence for a refusal of the API, shown beside its English detail. */
const VI: Record<string, string> = {
  mandate_grant_forbidden:
    'Bạn không được giao ủy quyền này: chủ tịch (người đứng đầu) do quản trị viên giao; cán bộ và đại biểu do người đứng đầu của chính đơn vị giao; thư ký cụm không giao ủy quyền.',
  mandate_self_grant_forbidden: 'Không ai tự giao ủy quyền cho chính mình.',
  mandate_overlaps: 'Người này đã giữ vai trò này của đơn vị trong một phần thời gian đó.',
  unit_head_exists: 'Đơn vị đã có người đứng đầu trong một phần thời gian đó; mỗi đơn vị chỉ có một người đứng đầu.',
  mandate_period_invalid: 'Ngày kết thúc phải sau ngày bắt đầu.',
  email_taken: 'Địa chỉ thư điện tử đã được dùng cho tài khoản khác.',
  user_not_found: 'Không có tài khoản này.',
  unit_not_found: 'Không có đơn vị này.',
};

export function vietnameseFor(code: string): string | undefined {
  return VI[code];
}

const COLUMN_OF_CODE: Record<string, string> = {
  mandate_grant_forbidden: 'role',
  unit_head_exists: 'role',
  mandate_self_grant_forbidden: 'email',
  email_taken: 'email',
  user_not_found: 'email',
  mandate_overlaps: 'validFrom',
  mandate_period_invalid: 'validTo',
};

export function columnOfCode(code: string): string | null {
  return COLUMN_OF_CODE[code] ?? null;
}
