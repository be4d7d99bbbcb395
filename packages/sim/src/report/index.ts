export { writeDirectoryAtomic, writeFileAtomic } from './atomicOutput.js';
export { canonicalJson } from './canonicalJson.js';
export {
  CPU_SERIES,
  cpuChartSpec,
  JOB_TIME_SERIES,
  jobTimesChartSpec,
  renderSvg,
  TIMELINE_TYPES,
  timelineChartSpec,
} from './charts.js';
export { EVENT_COLUMNS, eventsCsv, JOB_COLUMNS, jobsCsv, SAMPLE_COLUMNS, timeseriesCsv } from './csv.js';
export { escapeHtml } from './escapeHtml.js';
export { formatMs, formatNumber, formatPercent } from './format.js';
export { OutputError } from './OutputError.js';
export { MAX_MEMBER_CHARTS, renderReportHtml } from './reportHtml.js';
export type { SummaryMetric } from './summaryMetrics.js';
export { COMPARE_METRIC_KEYS, RUN_METRIC_KEYS, SUMMARY_METRICS, summaryMetric } from './summaryMetrics.js';
export { formatTextTable } from './textTable.js';
export { RESULT_FILES, renderResultFiles, writeResultDirectory } from './writeResultDirectory.js';
