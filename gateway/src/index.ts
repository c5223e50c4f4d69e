// Package entry for other Node packages (dev tools, tests).
export { startGateway, createGatewayApp, type RunningGateway } from './server';
export { gatewayConfigSchema, type GatewayConfig } from './config';
export { AccountRepository, type Account } from './auth/accounts';
export { schema } from './schema';
export { ensureFirstAdmin, type FirstAdminOutcome } from './auth/first-admin';
export { toCsv, writeXlsx } from './imports/template';
