import { csvField } from '../../common/csv/csv';
import { resultsCsv, resultsCsvFilename } from './results-csv';
import type { ResultsFigures } from './results-figures';

const figures = (cooperatives: number, charterCapitalVnd: string): ResultsFigures => ({
  cooperatives,
  charterCapitalVnd,
  membersAndWorkers: 1,
  cooperativeGroups: 2,
  groupMembers: 3,
  newCooperatives: 4,
  newMemberCooperatives: 5,
});

describe('results CSV', () => {
  it('quotes only what RFC 4180 requires, doubling quotes', () => {
    expect(csvField('Liên minh Hợp tác xã tỉnh Sơn La')).toBe('Liên minh Hợp tác xã tỉnh Sơn La');
    expect(csvField('Sơn La, Lai Châu')).toBe('"Sơn La, Lai Châu"');
    expect(csvField('HTX "Hoa Ban"')).toBe('"HTX ""Hoa Ban"""');
    expect(csvField('hai\ndòng')).toBe('"hai\ndòng"');
    expect(csvField(1269500000000)).toBe('1269500000000');
  });

  it('keeps a spreadsheet from running a unit name as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-1')).toBe("'-1");
  });

  it('starts with the BOM and the Vietnamese header, ends with the total row, lines in CRLF', () => {
    const csv = resultsCsv({
      units: [{ unitName: 'Liên minh Hợp tác xã tỉnh Sơn La', ...figures(482, '348200000000') } as never],
      totals: figures(482, '348200000000'),
    });
    expect(csv.startsWith('\uFEFFĐơn vị,Số HTX,Vốn điều lệ (đồng),')).toBe(true);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFĐơn vị,Số HTX,Vốn điều lệ (đồng),Thành viên và người lao động,Tổ hợp tác,Tổ viên,HTX thành lập mới,Thành viên HTX kết nạp mới',
      'Liên minh Hợp tác xã tỉnh Sơn La,482,348200000000,1,2,3,4,5',
      'Tổng cộng,482,348200000000,1,2,3,4,5',
      '',
    ]);
  });

  it('names the file after the cluster and the year, in plain ASCII', () => {
    expect(resultsCsvFilename('bien-gioi-phia-bac', 2011)).toBe('ket-qua-bien-gioi-phia-bac-2011.csv');
  });
});
