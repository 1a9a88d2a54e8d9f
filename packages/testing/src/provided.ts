import type { CopyStrategy } from '@dealergraph/embedded-db';

/** What the global setup hands to every test worker. */
export interface TestDatabaseServer {
  /** Admin connection to the server the tests use (embedded, or DATABASE_URL's). */
  adminUrl: string;
  /** A database with all migrations and the demo data, to copy per test file. */
  template: string;
  /**
   * While the global setup still seeds the template (in the background, on the embedded server): a file
   * that reads `ready` once it is complete, or why it failed. Unset: the template was ready at the start.
   */
  templateStatus?: string;
  /** How to copy the template: FILE_COPY on a server without fsync (the embedded one), else the default. */
  copyStrategy?: CopyStrategy;
  /** Names this run's databases (`dg_t_<runTag>_…`): the global teardown drops them all at once. */
  runTag: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseServer: TestDatabaseServer;
  }
}
