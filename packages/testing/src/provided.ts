/** What the global setup hands to every test worker. */
export interface TestDatabaseServer {
  /** Admin connection to the server the tests use (embedded, or DATABASE_URL's). */
  adminUrl: string;
  /** A database with all migrations and the demo data, to copy per test file. */
  template: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseServer: TestDatabaseServer;
  }
}
