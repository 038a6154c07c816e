import { In, type EntityManager } from 'typeorm';
import { unitRefs } from '../registry';
import { toFlagHandoverResponse, type FlagHandoverResponseDto } from './dto/flag-handovers.dto';
import { toFlagResponse, type FlagResponseDto } from './dto/flags.dto';
import { openPeriod } from './flag-custody';
import { FlagHandover } from './flag-handover.entity';
import type { Flag } from './flag.entity';

/** Handovers as responses, with their two units named. */
export async function handoverResponses(
  manager: EntityManager,
  handovers: FlagHandover[],
): Promise<FlagHandoverResponseDto[]> {
  const units = await unitRefs(
    manager,
    handovers.flatMap((h) => [h.fromUnitId, h.toUnitId]),
  );
  const unit = (id: string) => units.get(id)!;
  return handovers.map((h) => toFlagHandoverResponse(h, { from: unit(h.fromUnitId), to: unit(h.toUnitId) }));
}

export async function handoverResponse(
  manager: EntityManager,
  handover: FlagHandover,
): Promise<FlagHandoverResponseDto> {
  return (await handoverResponses(manager, [handover]))[0];
}

/** A flag with who holds it now (null in transit) and the handover under way, if any. */
export async function flagResponse(manager: EntityManager, flag: Flag): Promise<FlagResponseDto> {
  const current = await openPeriod(manager, flag.id);
  const custodian = current.custodianUnitId
    ? ((await unitRefs(manager, [current.custodianUnitId])).get(current.custodianUnitId) ?? null)
    : null;
  const open = await manager.findOne(FlagHandover, { where: { flagId: flag.id, status: In(['opened', 'released']) } });
  return toFlagResponse(flag, current, custodian, open?.id ?? null);
}
