export * from './roles';
export * from './levels';
export * from './stages';
export * from './ids';
export * from './contracts';
export * from './nip';
export * from './calendar';
export * from './errors';
