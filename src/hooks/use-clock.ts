import { useEffect, useState } from 'react';
import { useServices } from '../contexts.js';

/** The current time, ticking every `intervalMs`, aligned to the second so countdowns move together. */
export function useClock(intervalMs = 1000): number {
  const services = useServices();
  const [now, setNow] = useState(() => services.now());
  useEffect(() => {
    let timer: NodeJS.Timeout;
    const schedule = () => {
      const current = services.now();
      timer = setTimeout(
        () => {
          setNow(services.now());
          schedule();
        },
        intervalMs - (current % intervalMs) + 5,
      );
    };
    schedule();
    return () => clearTimeout(timer);
  }, [services, intervalMs]);
  return now;
}
