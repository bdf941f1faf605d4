import { Text } from 'ink';
import type { Screen } from '../navigation.js';
import { SetupTokenScreen } from './setup-token/SetupTokenScreen.js';

/** Which component draws which screen. */
export function ScreenOutlet({ screen }: { screen: Screen }) {
  switch (screen.name) {
    case 'setup-token':
      return <SetupTokenScreen profileId={screen.profileId} claudeBin={screen.claudeBin} yes={screen.yes} />;
    default:
      return <Text>{screen.name}: not available yet</Text>;
  }
}
