// The one barrel used as `workflowsPath`: every workflow the worker runs, nothing else.
export { openSelectionWorkflow } from './open-selection/workflows';
export { talentMappingWorkflow } from './talent-mapping/workflows';
export { talentPoolFillingWorkflow } from './talent-pool/workflows';
export { profileImportWorkflow } from './profile-import/workflows';
export { ipAsnWorkflow } from './ip-asn/workflows';
