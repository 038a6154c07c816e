import { ExpectedVersionField } from '../../../common/versioning/versioning.decorators';

export class AdoptRankingDto {
  @ExpectedVersionField('scoring period')
  expectedVersion?: number;
}
