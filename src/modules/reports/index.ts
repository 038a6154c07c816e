// The reports module's front door (issue 14): what other modules may import from it.
export { CycleResultsService } from './cycle-results.service';
export { demo2011ResultsFigures, SOURCE_2011_TOTALS } from './demo-2011-reports';
export type { CycleResultsResponseDto } from './dto/cycle-results.dto';
export { ReportsModule } from './reports.module';
export { RESULTS_CSV_HEADER, RESULTS_CSV_TOTAL_LABEL } from './results-csv';
export { FIGURE_FIELDS, pickFigures, type ResultsFigures } from './results-figures';
export { RESULTS_REPORT_SUBJECT_TYPE } from './results-report.workflow';
