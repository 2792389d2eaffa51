// Per-endpoint details that `GET /containers/json` leaves out on older engines (20.10 lists no Aliases, Links
// or IPAMConfig), and on every engine how its ports were asked for (-P, `-p` with or without a host port). They are
// read on demand, for the one container the user looks at, never for a refresh.
// An endpoint's aliases cannot change without a disconnect/connect, which gives it a new EndpointID, so the
// cache key (container, endpoint) is enough to stay correct.
import type { Attachment } from '../core/model';
import type { PortEntry } from '../core/forms';
import { portBindings } from '../core/exportPlan';
import type { RawPortBindings } from '../core/ports';
import type { Engine } from './client';
import { PromiseCache } from '../core/promiseCache';

export interface EndpointDetails {
  aliases: string[];
  links: string[];
  /** The address the user asked for (`--ip`), when one was. */
  requestedIPv4?: string;
  requestedIPv6?: string;
  dnsNames: string[];
  /** -P (HostConfig.PublishAllPorts). */
  publishAll: boolean;
  /** The `-p` bindings it was started with (HostConfig.PortBindings); host port empty: the engine picks one. */
  bindings: PortEntry[];
}

export class EndpointDetailsCache {
  private readonly cache = new PromiseCache<EndpointDetails | undefined>(2000);

  constructor(private readonly engine: Engine) {}

  get(a: Attachment, networkName: string): Promise<EndpointDetails | undefined> {
    return this.cache.get(`${a.containerId}/${networkName}/${a.endpointId ?? a.state}`, () => this.read(a.containerId, networkName));
  }

  private async read(containerId: string, networkName: string): Promise<EndpointDetails | undefined> {
    const info = await this.engine.inspectContainer(containerId);
    const ep = info.NetworkSettings.Networks[networkName] as
      | (typeof info.NetworkSettings.Networks)[string] & { DNSNames?: string[] | null }
      | undefined;
    if (!ep) return undefined;
    return {
      aliases: ep.Aliases ?? [],
      links: ep.Links ?? [],
      requestedIPv4: ep.IPAMConfig?.IPv4Address || undefined,
      requestedIPv6: ep.IPAMConfig?.IPv6Address || undefined,
      dnsNames: ep.DNSNames ?? [],
      publishAll: info.HostConfig.PublishAllPorts === true,
      bindings: portBindings(info.HostConfig.PortBindings as RawPortBindings | undefined),
    };
  }
}
