export * from './amount.js';
export * from './checked.js';
export * from './result.js';
