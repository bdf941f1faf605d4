import { Spinner as InkSpinner } from '@inkjs/ui';
import { type ComponentProps, useContext } from 'react';
import { LeavingContext } from '../contexts.js';

/**
 * @inkjs/ui's spinner, left out of the frame the app leaves on: what was under way when Ctrl+C
 * left (a save, a key check) is over by then, and the line under it says how it went.
 */
export function Spinner(props: ComponentProps<typeof InkSpinner>) {
  const leaving = useContext(LeavingContext);
  return leaving ? null : <InkSpinner {...props} />;
}
