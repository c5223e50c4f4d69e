/** @seleksi/dev: process, Temporal and Mongo helpers shared by `npm start` and the test harness. */
export * from './processes';
export * from './temporal';
export * from './mongo';
export * from './postgres';
export * from './mailpit';
export { configSchema, loadConfig, settingsTable, type DevConfig, type SettingRow } from './config';
