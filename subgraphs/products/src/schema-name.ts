/** The PostgreSQL schema (and subgraph name) that holds every table of this subgraph. */
export const SCHEMA = 'products';
