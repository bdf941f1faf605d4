import { useClock } from '../../hooks/use-clock.js';

/** "9:58" until `deadline`, ticking each second; "0:00" once past. */
export function useCountdown(deadline: number | undefined): string | undefined {
  const now = useClock();
  if (deadline === undefined) return undefined;
  const seconds = Math.max(0, Math.ceil((deadline - now) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
