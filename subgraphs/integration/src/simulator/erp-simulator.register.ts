/**
 * Makes the simulator known to a running graph, as an administrator would by hand: signs in as an
 * ADMIN, creates an API client with ERP_IMPORT (bound to no dealer), disables earlier endpoints at
 * the same URL (an earlier run's secret is gone) and registers the URL for every order event.
 * Waits for the gateway, trying again every 2 s.
 */
export async function registerSimulator(options: {
  graphqlUrl: string;
  admin: { email: string; password: string };
  url: string;
  log: (line: string) => void;
}): Promise<{ endpointId: string; secret: string; clientId: string; clientSecret: string }> {
  const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const response = await fetch(options.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, any>; errors?: { message: string }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
    if (body.errors?.length || !body.data) throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`);
    return body.data;
  };
  for (let attempt = 1; ; attempt++) {
    try {
      const { login } = await gql(
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken userErrors { code } } }',
        { e: options.admin.email, p: options.admin.password },
      );
      if (!login.accessToken) throw new Error(`sign-in refused: ${JSON.stringify(login.userErrors)}`);
      const token = login.accessToken as string;
      const { webhookEndpoints } = await gql('{ webhookEndpoints(first: 100) { nodes { id url active } } }', {}, token);
      for (const endpoint of webhookEndpoints.nodes as { id: string; url: string; active: boolean }[])
        if (endpoint.active && endpoint.url === options.url)
          await gql('mutation($id: ID!) { disableWebhookEndpoint(id: $id) { userErrors { code } } }', { id: endpoint.id }, token);
      const { createApiClient } = await gql(
        'mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { client { id } clientSecret userErrors { code message } } }',
        { input: { name: `ERP simulator ${new Date().toISOString()}`, scopes: ['ERP_IMPORT'] } },
        token,
      );
      if (!createApiClient.client) throw new Error(`API client refused: ${JSON.stringify(createApiClient.userErrors)}`);
      const { createWebhookEndpoint } = await gql(
        'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id secret } userErrors { code message } } }',
        {
          input: {
            url: options.url,
            events: ['order.approved', 'order.cancelled', 'order.changed', 'dealer.changed'],
            description: 'ERP simulator (npm run erp-simulator)',
          },
        },
        token,
      );
      if (!createWebhookEndpoint.endpoint) throw new Error(`endpoint refused: ${JSON.stringify(createWebhookEndpoint.userErrors)}`);
      return {
        endpointId: createWebhookEndpoint.endpoint.id,
        secret: createWebhookEndpoint.endpoint.secret,
        clientId: createApiClient.client.id,
        clientSecret: createApiClient.clientSecret,
      };
    } catch (error) {
      if (attempt % 10 === 1) options.log(`waiting for the gateway to register (${(error as Error).message})`);
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}
