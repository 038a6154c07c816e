import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CYCLE_PHASES, type CyclePhase } from '../cycle-phase';
import { CycleTransitionResponseDto } from './cycles.dto';

export class UnmetConditionDto {
  @ApiProperty({ example: 'rules.pinned', description: 'The key of the gate that reports it.' }) gate: string;
  @ApiProperty({ example: 'No adopted rules version is pinned to this cycle.' }) message: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The unit that owes it, when one does.' }) unitId?: string;
}

export class DashboardCycleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clusterId: string;
  @ApiProperty({ example: 2012 }) year: number;
  @ApiProperty({ enum: CYCLE_PHASES }) phase: CyclePhase;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) rulesVersionId: string | null;
}

export class DashboardPhaseDto {
  @ApiProperty({ enum: CYCLE_PHASES }) phase: CyclePhase;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Calendar day in Asia/Ho_Chi_Minh.' })
  deadline: string | null;
  @ApiProperty({ enum: ['done', 'current', 'upcoming'] }) status: 'done' | 'current' | 'upcoming';
  @ApiProperty({ description: 'The phase is current and today (Asia/Ho_Chi_Minh) is after its deadline.' })
  overdue: boolean;
}

export class DashboardGateDto {
  @ApiProperty({ example: 'rules.pinned' }) key: string;
  @ApiProperty() description: string;
  @ApiProperty({ description: 'A blocking gate refuses the advance while unmet; others only report.' })
  blocking: boolean;
  @ApiProperty() met: boolean;
  @ApiProperty({ type: [UnmetConditionDto] }) unmet: UnmetConditionDto[];
}

export class DashboardNextDto {
  @ApiProperty({ enum: CYCLE_PHASES }) phase: CyclePhase;
  @ApiProperty({ type: [DashboardGateDto], description: 'Every gate registered for entering that phase.' })
  gates: DashboardGateDto[];
}

export class DashboardPendingDto {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ type: String, nullable: true, example: 'son-la' }) unitCode: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Liên minh Hợp tác xã tỉnh Sơn La' }) unitName: string | null;
  @ApiProperty({ type: [String], description: 'What the unit still owes, as the gates word it.' }) items: string[];
}

export class CycleDashboardResponseDto {
  @ApiProperty({ type: DashboardCycleDto }) cycle: DashboardCycleDto;
  @ApiProperty({ format: 'date', example: '2011-11-21', description: 'Today in Asia/Ho_Chi_Minh.' }) today: string;
  @ApiProperty({ type: [DashboardPhaseDto] }) phases: DashboardPhaseDto[];
  @ApiProperty({ type: DashboardNextDto, nullable: true, description: 'Null once the cycle is closed.' })
  next: DashboardNextDto | null;
  @ApiProperty({
    type: [DashboardPendingDto],
    description:
      'Per unit, what the gates of the next phase (blocking or not) and the non-blocking gates of the ' +
      'current phase say it still owes.',
  })
  pending: DashboardPendingDto[];
  @ApiProperty({ type: [CycleTransitionResponseDto], description: 'Newest first.' })
  history: CycleTransitionResponseDto[];
}
