export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
}

/** A minimal GraphQL-over-HTTP client for tests: the same requests a dealer's app sends. */
export class GraphQLClient {
  accessToken: string | null = null;
  refreshToken: string | null = null;

  /** `observe` hears every exchange (a test stack's secret ledger listens: secret-scan.ts). */
  constructor(
    readonly url: string,
    private readonly observe?: (query: string, variables: Record<string, unknown> | undefined, data: unknown) => void,
  ) {}

  async request<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(this.accessToken ? { authorization: `Bearer ${this.accessToken}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
    this.observe?.(query, variables, body.data);
    return { status: response.status, ...body };
  }

  /** Like request, but throws on any GraphQL error, for the many calls that must succeed. */
  async data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data;
  }

  async login(email: string, password: string): Promise<void> {
    const { login } = await this.data<{
      login: { accessToken: string | null; refreshToken: string | null; userErrors: { code: string }[] };
    }>(
      'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken refreshToken userErrors { code message } } }',
      { email, password },
    );
    if (!login.accessToken) throw new Error(`login as ${email} failed: ${JSON.stringify(login.userErrors)}`);
    this.accessToken = login.accessToken;
    this.refreshToken = login.refreshToken;
  }
}
