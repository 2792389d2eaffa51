// What `-P` (Publish all exposed ports) did: the host ports the engine picked, read back from the started container
// (its inspect's NetworkSettings.Ports), written host side first like everywhere else (`0.0.0.0:32768 → 80/tcp`).
// The form cannot know them before the start: the engine picks them then.
import * as l10n from '@vscode/l10n';
import { formatPort } from './format';
import type { PortMapping } from './model';
import { splitPortKey, type RawPortBindings } from './ports';

/** What the started container's inspect says about its ports. */
export interface StartedPorts {
  /** Config.ExposedPorts' keys (`80/tcp`): the image's EXPOSE and the ports the form published. */
  exposed: string[];
  /** NetworkSettings.Ports: each exposed port and the host addresses and ports bound to it (null: none). */
  bound: RawPortBindings;
}

/** Every host binding, in port order (the engine's order within a port: IPv4 first), host side first. */
export function boundPorts(bound: RawPortBindings): PortMapping[] {
  const out: PortMapping[] = [];
  for (const [key, bindings] of Object.entries(bound)) {
    const { port, protocol } = splitPortKey(key);
    for (const b of bindings ?? []) {
      const hostPort = Number(b.HostPort);
      if (!Number.isInteger(hostPort) || hostPort <= 0) continue;
      out.push({ ...(b.HostIp ? { hostIp: b.HostIp } : {}), hostPort, containerPort: Number(port), protocol });
    }
  }
  return out.sort((a, b) => a.containerPort - b.containerPort || a.protocol.localeCompare(b.protocol));
}

/** The sentence after "Started x on y." for a run with -P: the ports the engine picked, or why there are none. */
export function publishAllWords(image: string, started: StartedPorts): string {
  const ports = boundPorts(started.bound);
  if (ports.length > 0) return l10n.t('Host ports: {0}.', ports.map(formatPort).join(', '));
  if (started.exposed.length === 0) {
    return l10n.t('-P published nothing: {0} exposes no ports (no EXPOSE in the image) and the form published none.', image);
  }
  return l10n.t('-P published nothing: the engine bound no host port to {0}.', started.exposed.join(', '));
}

/**
 * What ticking -P will do with the chosen image, said beside the checkbox before the start: the ports it exposes get
 * free host ports; an image that exposes none gets none (a classic surprise: -P is not "publish everything it
 * listens on"). `exposed`: the image's Config.ExposedPorts, undefined when the engine has no such image (nothing to
 * say yet: the run itself says what is missing). `published`: the container ports the form publishes itself.
 */
export function publishAllNote(image: string, exposed: readonly string[] | undefined, published: readonly string[] = []): string | undefined {
  if (exposed === undefined) return undefined;
  const others = exposed.filter((p) => !published.includes(p));
  if (exposed.length === 0) {
    return l10n.t('{0} exposes no ports (no EXPOSE in the image): -P will publish nothing. Publish the ports you need as rows above (host port → container port).', image);
  }
  if (others.length === 0) return l10n.t('-P adds nothing here: every port {0} exposes ({1}) is already published above.', image, exposed.join(', '));
  return l10n.t('-P will publish {0} (exposed by {1}) on free host ports the engine picks at the start.', others.join(', '), image);
}
