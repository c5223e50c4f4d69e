export { startAssessmentService } from './app';
export { assessmentConfigSchema, loadAssessmentConfig, type AssessmentConfig } from './config';
