// The view panels' tables by kind (src/protocol/views.ts): what the host sends in a view page's `init`, the shared
// builders' words included.
import { viewCommonText } from './common';
import { connectivityText } from './connectivity';
import { containerNetworkingText } from './containerNetworking';
import { explainReachText } from './explainReach';
import { networkDetailsText } from './networkDetails';
import { portsText } from './ports';

const VIEW_TEXT = {
  networkDetails: networkDetailsText,
  containerNetworking: containerNetworkingText,
  connectivity: connectivityText,
  explainReach: explainReachText,
  ports: portsText,
};

export type ViewTextOf = { [K in keyof typeof VIEW_TEXT]: ReturnType<(typeof VIEW_TEXT)[K]> & ReturnType<typeof viewCommonText> };

/** The strings of a view page of this kind (translated now, in the display language). */
export function viewText<K extends keyof ViewTextOf>(kind: K): ViewTextOf[K] {
  return { ...viewCommonText(), ...VIEW_TEXT[kind]() } as ViewTextOf[K];
}
