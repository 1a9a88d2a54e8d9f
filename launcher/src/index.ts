export { prepareDatabase } from './prepare.js';
export { type RunningStack, type StackOptions, startStack } from './stack.js';
export { subgraphDefinitions, type SubgraphName } from './subgraphs.js';
