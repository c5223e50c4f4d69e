// Package entry for Node-side users (gateway, worker, tests, dev tools). Workflow code never imports this.
export * from './search-attributes';
export * from './codec';
export * from './open-selection/definitions';
export * from './open-selection/client';
export * from './open-selection/document-request';
export { createOpenSelectionActivities, type OpenSelectionPorts } from './open-selection/activities';
export * from './talent-mapping/definitions';
export * from './talent-mapping/client';
export * from './ip-asn/definitions';
export * from './ip-asn/client';
export * from './talent-pool/definitions';
export * from './talent-pool/client';
export * from './profile-import/definitions';
export * from './profile-import/client';
export * from './election/definitions';
export * from './operator-view';
