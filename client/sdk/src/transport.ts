// One POST to the gateway: the answer, or `network: true` when none came (the failure is an answer too).
import type { Answer } from './types.js';

export interface PostResult {
  status: number;
  answer: Answer;
  network?: boolean;
}

export type Post = (body: string, token: string | null) => Promise<PostResult>;

export function transport(url: string, doFetch: typeof fetch): Post {
  return async (body, token) => {
    try {
      const response = await doFetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body,
      });
      const answer = (await response.json().catch(() => ({}))) as Answer;
      return { status: response.status, answer };
    } catch {
      return { status: 0, answer: {}, network: true };
    }
  };
}
