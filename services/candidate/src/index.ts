export { startCandidateService } from './app';
export { candidateConfigSchema, loadCandidateConfig, type CandidateConfig } from './config';
export { STATUS_FOR_STAGE, CLOSED_STATUSES, fanOutStatus } from './status-map';
export { applicationFileId } from './repositories/application-files';
