export * from './amount.js';
export * from './result.js';
