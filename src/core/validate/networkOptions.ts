// Pre-flight checks of the Create Network form's driver options: the values the engine would refuse (MTU, booleans,
// host binding, interface names and their clashes, macvlan/ipvlan modes), each on its own row.
import * as l10n from '@vscode/l10n';
import type { CreateNetworkForm, FieldError, ValidationContext } from '../forms';
import {
  IPVLAN_FLAGS, IPVLAN_MODES, MACVLAN_MODES, OPT_BRIDGE_NAME, OPT_ENABLE_IPV4, OPT_ENABLE_IPV6, OPT_HOST_BINDING_IPV4, OPT_ICC,
  OPT_IPVLAN_FLAG, OPT_IPVLAN_MODE, OPT_MACVLAN_MODE, OPT_MASQUERADE, OPT_MTU, OPT_PARENT,
} from '../driverOptions';
import { isGoBool, isInterfaceName, parseIp } from './common';

export function validateDriverOptions(driver: string, form: CreateNetworkForm, ctx: ValidationContext, errors: FieldError[]): void {
  form.driverOptions.forEach((kv, i) => {
    const key = kv.key.trim();
    const value = kv.value.trim();
    const field = `driverOptions[${i}].value`;
    switch (key) {
      case OPT_MTU: {
        const mtu = /^[0-9]+$/.test(value) ? Number(value) : NaN;
        if (!(mtu >= 68 && mtu <= 65535)) {
          errors.push({ field, message: l10n.t('The MTU must be a whole number from 68 to 65535 (1500 on most Ethernet links); "{0}" is not.', kv.value) });
        }
        break;
      }
      case OPT_ICC:
      case OPT_MASQUERADE:
      case OPT_ENABLE_IPV4:
      case OPT_ENABLE_IPV6:
        if (!isGoBool(value)) errors.push({ field, message: l10n.t('{0} takes true or false; "{1}" is neither.', key, kv.value) });
        break;
      case OPT_HOST_BINDING_IPV4: {
        const ip = parseIp(value);
        if (!ip || ip.family !== 'ipv4') errors.push({ field, message: l10n.t('The default host binding must be an IPv4 address such as 127.0.0.1 or 0.0.0.0; "{0}" is not.', kv.value) });
        break;
      }
      case OPT_BRIDGE_NAME:
        if (!isInterfaceName(value)) {
          errors.push({ field, message: l10n.t('"{0}" is not a valid interface name: use 1 to 15 characters without spaces, "/" or ":".', kv.value) });
        } else if (driver === 'bridge') {
          const clash = ctx.networks.find((n) => n.driver === 'bridge' && n.options[OPT_BRIDGE_NAME] === value);
          if (clash) errors.push({ field, message: l10n.t('Network "{0}" already uses the bridge interface {1}: choose another name.', clash.name, value) });
        }
        break;
      case OPT_PARENT:
        if (!isInterfaceName(value)) {
          errors.push({ field, message: l10n.t('"{0}" is not a valid interface name: use 1 to 15 characters without spaces, "/" or ":" (a VLAN sub-interface is written like eth0.10).', kv.value) });
        } else if (driver === 'macvlan' || driver === 'ipvlan') {
          const clash = ctx.networks.find((n) => n.driver === driver && !n.configOnly && n.options[OPT_PARENT] === value);
          if (clash && !form.configOnly) {
            errors.push({ field, message: l10n.t('Network "{0}" already uses the parent interface {1}: a {2} parent serves one network. Use a VLAN sub-interface (e.g. {1}.10), or remove "{0}".', clash.name, value, driver) });
          }
        }
        break;
      case OPT_MACVLAN_MODE:
        if (!(MACVLAN_MODES as readonly string[]).includes(value)) errors.push({ field, message: l10n.t('The macvlan mode must be one of {0}.', MACVLAN_MODES.join(', ')) });
        break;
      case OPT_IPVLAN_MODE:
        if (!(IPVLAN_MODES as readonly string[]).includes(value)) errors.push({ field, message: l10n.t('The ipvlan mode must be one of {0}.', IPVLAN_MODES.join(', ')) });
        break;
      case OPT_IPVLAN_FLAG:
        if (!(IPVLAN_FLAGS as readonly string[]).includes(value)) errors.push({ field, message: l10n.t('The ipvlan flag must be one of {0}.', IPVLAN_FLAGS.join(', ')) });
        break;
      default:
        break;
    }
  });
}
