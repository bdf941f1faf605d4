import type { Screen } from '../navigation.js';
import { DashboardScreen } from './dashboard/DashboardScreen.js';
import { LogoutScreen } from './LogoutScreen.js';
import { OnboardScreen } from './onboard/OnboardScreen.js';
import { PickerScreen } from './PickerScreen.js';
import { SetupTokenScreen } from './setup-token/SetupTokenScreen.js';
import { SignInScreen } from './sign-in/SignInScreen.js';

/** Which component draws which screen. */
export function ScreenOutlet({ screen }: { screen: Screen }) {
  switch (screen.name) {
    case 'dashboard':
      return <DashboardScreen {...screen} />;
    case 'onboard':
      return (
        <OnboardScreen
          provider={screen.provider}
          method={screen.method}
          resumeAt={screen.resumeAt}
          lastMethod={screen.lastMethod}
          providerGiven={screen.providerGiven === true}
          home={screen.home === true}
        />
      );
    case 'logout':
      return <LogoutScreen />;
    case 'pick':
      return <PickerScreen provider={screen.provider} print={screen.print} />;
    case 'setup-token':
      return (
        <SetupTokenScreen
          profileId={screen.profileId}
          claudeBin={screen.claudeBin}
          yes={screen.yes}
          backTo={screen.backTo}
        />
      );
    case 'sign-in':
      return <SignInScreen provider={screen.provider} method={screen.method} backTo={screen.backTo} />;
  }
}
