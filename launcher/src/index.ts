export { startStack, type RunningStack, type StackOptions } from './stack.js';
export { prepareDatabase } from './prepare.js';
export { subgraphDefinitions, type SubgraphName } from './subgraphs.js';
