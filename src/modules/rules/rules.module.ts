import { Module } from '@nestjs/common';
import { RulesController } from './rules.controller';
import { RulesService } from './rules.service';

/**
 * The cluster's reward rules (quy chế khen thưởng cụm): versioned criteria, awards, voting and
 * rotation rules, adopted through the approval engine (workflow `rules_adoption`).
 */
@Module({ controllers: [RulesController], providers: [RulesService] })
export class RulesModule {}
