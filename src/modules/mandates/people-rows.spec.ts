import { checkPeopleRow, vnInstant } from './people-rows';

describe(checkPeopleRow.name, () => {
  it('reads a day as midnight in Vietnam, Vietnamese role names, and lower-cases the email', () => {
    const row = checkPeopleRow({
      row: 2,
      email: ' Lan@ThiDua.vn ',
      fullName: 'Nguyễn Thị Lan',
      role: 'Đại biểu',
      validFrom: '2012-01-01',
      validTo: '2013-01-01T00:00:00+07:00',
    });
    expect(row).toEqual({
      email: 'lan@thidua.vn',
      fullName: 'Nguyễn Thị Lan',
      role: 'delegate',
      validFrom: new Date('2011-12-31T17:00:00Z'),
      validTo: new Date('2012-12-31T17:00:00Z'),
    });
  });

  it('reports every bad cell of a row, with vi and en', () => {
    const result = checkPeopleRow({ row: 7, email: 'x', role: 'secretariat', validFrom: '2012-02-30', validTo: 'mai' });
    expect('errors' in result && result.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [7, 'email', 'email_invalid'],
      [7, 'role', 'role_invalid'],
      [7, 'validFrom', 'date_invalid'],
      [7, 'validTo', 'date_invalid'],
    ]);
    expect('errors' in result && result.errors[1].message.vi).toContain('không phải vai trò');
  });

  it('refuses a period that ends before it starts', () => {
    const result = checkPeopleRow({
      row: 3,
      email: 'a@b.vn',
      role: 'officer',
      validFrom: '2012-01-02',
      validTo: '2012-01-01',
    });
    expect('errors' in result && result.errors.map((e) => e.code)).toEqual(['mandate_period_invalid']);
  });
});

describe(vnInstant.name, () => {
  it('writes an instant in Vietnam time with its offset, read back to the same instant', () => {
    const instant = new Date('2011-12-31T17:00:00Z');
    expect(vnInstant(instant)).toBe('2012-01-01T00:00:00+07:00');
    expect(new Date(vnInstant(new Date('2012-05-05T01:02:03.456Z'))).toISOString()).toBe('2012-05-05T01:02:03.456Z');
  });
});
