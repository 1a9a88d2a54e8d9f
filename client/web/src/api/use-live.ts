import type { TypedDocumentString } from '@generated/graphql';
import { useEffect, useRef, useState } from 'react';

import { subscribeLive } from './live';

/**
 * Keeps a subscription open while the component shows; `onData` gets each event and `onResumed`
 * runs after a break (token expiry, network), when the view should reload what it may have missed.
 * Returns whether the subscription is live (for the "Live" indicator).
 */
export function useLive<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables | null,
  onData: (data: TResult) => void,
  onResumed?: () => void,
): boolean {
  const handlers = useRef({ onData, onResumed });
  handlers.current = { onData, onResumed };
  const [live, setLive] = useState(false);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (variables === null) return;
    setLive(true);
    const stop = subscribeLive(document, variables, {
      next: (data) => {
        setLive(true);
        handlers.current.onData(data);
      },
      resumed: () => {
        setLive(true);
        handlers.current.onResumed?.();
      },
      error: () => setLive(false),
    });
    return () => {
      stop();
      setLive(false);
    };
    // The variables are compared by value (key), not by identity.
  }, [document, key]);
  return live;
}
