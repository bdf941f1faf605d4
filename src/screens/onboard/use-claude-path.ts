import { useMemo } from 'react';
import { useServices } from '../../contexts.js';

/** Where `claude` is, or undefined when it is not installed; looked up once per screen. */
export function useClaudePath(): string | undefined {
  const services = useServices();
  return useMemo(() => {
    try {
      return services.findClaude();
    } catch {
      return undefined;
    }
  }, [services]);
}
