export * from './payload-codec';
export * from './key-ring';
export * from './data-converter';
