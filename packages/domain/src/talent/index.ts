export * from './merit';
export * from './nine-box';
export * from './levels';
export * from './gate';
export * from './succession';
export * from './settings';
export * from './merit-assessment';
export * from './map-page';
