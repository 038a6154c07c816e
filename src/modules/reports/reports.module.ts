import { Module } from '@nestjs/common';
import { CycleResultsController } from './cycle-results.controller';
import { CycleResultsService } from './cycle-results.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/**
 * The results report (báo cáo kết quả hoạt động kinh tế tập thể): each unit's figures for the
 * cycle, approved through the `results_report` workflow, and the cluster's totals.
 */
@Module({
  controllers: [ReportsController, CycleResultsController],
  providers: [ReportsService, CycleResultsService],
  // The records module prints the same totals as a PDF.
  exports: [CycleResultsService],
})
export class ReportsModule {}
