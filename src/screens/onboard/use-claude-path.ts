import { useMemo } from 'react';
import type { AppServices } from '../../app-services.js';
import { useServices } from '../../contexts.js';

/** Where `claude` is now, or undefined when it is not installed. */
export function claudePath(services: Pick<AppServices, 'findClaude'>): string | undefined {
  try {
    return services.findClaude();
  } catch {
    return undefined;
  }
}

/** Where `claude` is, or undefined when it is not installed; looked up once per screen. */
export function useClaudePath(): string | undefined {
  const services = useServices();
  return useMemo(() => claudePath(services), [services]);
}
