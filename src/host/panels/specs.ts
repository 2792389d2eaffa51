// What each form kind does on the host: the pick lists it offers, the checks it runs (src/core/validate against the
// current snapshot and engine info), the docker command it shows (src/core/cli), and the one engine action it makes.
import * as vscode from 'vscode';
import type { FieldError, ValidationContext } from '../../core/forms';
import { availableScopes, creatableDrivers, driverOptionHelpers } from '../../core/driverOptions';
import { toConnectRequest, toCreateNetworkRequest, toRunRequest } from '../../core/formRequests';
import { validateConnect, validateCreateNetwork, validateRun, configOnlyNetworks } from '../../core/validate';
import { connectArgv, createNetworkArgv, runArgv } from '../../core/cli';
import { createNetworkCapabilities, endpointCapabilities } from '../../core/formCapabilities';
import { createNetworkErrorContext, endpointErrorContext, type DaemonErrorContext } from '../../core/daemonErrors';
import type { Snapshot } from '../../core/model';
import { shortId } from '../../core/join';
import {
  connectContainer, createNetwork, runContainer, startedPorts, type EngineInfo, type LocalImage,
} from '../../docker/actions';
import { publishAllNote, publishAllWords } from '../../core/publishAll';
import { normalizeProtocol } from '../../core/formValues';
import type { Engine } from '../../docker/client';
import type { Choice, FormKind, FormOf, OptionsOf, SuggestResult } from '../../protocol/messages';
import { suggestAddress, suggestSubnetFor, type Route } from '../../core/suggestions';
import {
  connectableContainers, containerChoice, findContainerByName, joinableNetworks, networkChoice, networksOfContainer,
  runNetworkChoices,
} from './choices';

/** What a form's host side may read. */
export interface FormEnv {
  snapshot(): Promise<Snapshot>;
  /** The routes of the engine's host when it is this machine (none otherwise). */
  hostRoutes(): Promise<Route[]>;
  engineInfo(): Promise<EngineInfo>;
  /** The engine's local images (read when the page loads and on image events, not on every engine change). */
  images(): Promise<LocalImage[]>;
  /** The ports a local image exposes (undefined: no such image); read once per image until an image event. */
  exposedPorts(image: string): Promise<string[] | undefined>;
}

export interface FormSpec<K extends FormKind> {
  kind: K;
  title: string;
  /** The submit button's text, for messages. */
  action: string;
  options(env: FormEnv, form: FormOf[K]): Promise<OptionsOf[K]>;
  /** What the form offers when the engine cannot be asked (the form still shows, with the engine's error). */
  fallbackOptions(form: FormOf[K]): OptionsOf[K];
  validate(form: FormOf[K], ctx: ValidationContext): FieldError[];
  argv(form: FormOf[K]): string[];
  /** Makes the engine call; returns what to tell the user. Only ever called with a form that validated cleanly. */
  submit(engine: Engine, form: FormOf[K]): Promise<string>;
  /** What the daemon-error table needs to point an engine refusal at a field. */
  daemonContext(form: FormOf[K]): DaemonErrorContext;
  /** A value for one field (SUGGEST_FIELDS): the next free address, a free subnet. */
  suggest(env: FormEnv, form: FormOf[K], field: string): Promise<SuggestResult>;
  /** Remarks beside fields that do not stop the submit (ValidateResult.notes). */
  notes?(env: FormEnv, form: FormOf[K]): Promise<FieldError[]>;
}

/** Connect and Run: the next free address of the form's network. */
async function suggestEndpointAddress(env: FormEnv, form: { network: string }, field: string): Promise<SuggestResult> {
  return suggestAddress(form, field, (await env.snapshot()).networks);
}

const createNetworkSpec: FormSpec<'createNetwork'> = {
  kind: 'createNetwork',
  title: vscode.l10n.t('Create Network'),
  action: vscode.l10n.t('Create'),
  async options(env) {
    const [snapshot, info] = await Promise.all([env.snapshot(), env.engineInfo()]);
    const ctx = { drivers: info.networkDrivers, swarmManager: info.swarmManager, networks: snapshot.networks };
    return {
      drivers: creatableDrivers(ctx),
      scopes: availableScopes(ctx),
      swarmManager: info.swarmManager,
      configOnlyNetworks: configOnlyNetworks(ctx).map(networkChoice),
      ipamDrivers: ['default'],
      driverOptionHelpers: driverOptionHelpers(),
      capabilities: createNetworkCapabilities(snapshot.api),
    };
  },
  // Without the engine nothing newer than the oldest API is offered.
  fallbackOptions: () => ({
    drivers: ['bridge'], scopes: [''], swarmManager: false, configOnlyNetworks: [], ipamDrivers: ['default'],
    driverOptionHelpers: driverOptionHelpers(), capabilities: createNetworkCapabilities(undefined),
  }),
  validate: validateCreateNetwork,
  argv: createNetworkArgv,
  async submit(engine, form) {
    const req = toCreateNetworkRequest(form);
    const id = await createNetwork(engine, req);
    return vscode.l10n.t('Created network {0} ({1}).', req.Name, shortId(id));
  },
  daemonContext: createNetworkErrorContext,
  async suggest(env, form, field) {
    const [snapshot, routes] = await Promise.all([env.snapshot(), env.hostRoutes()]);
    return suggestSubnetFor(form, field, snapshot.networks, routes);
  },
};

const connectSpec: FormSpec<'connect'> = {
  kind: 'connect',
  title: vscode.l10n.t('Connect Container'),
  action: vscode.l10n.t('Connect'),
  async options(env, form) {
    const snapshot = await env.snapshot();
    const containers = connectableContainers(snapshot);
    const networks = joinableNetworks(snapshot);
    const attached: Record<string, string[]> = {};
    for (const c of containers) attached[containerChoice(c).value] = networksOfContainer(c);
    const containerChoices = containers.map(containerChoice);
    const networkChoices = networks.map(networkChoice);
    // What the form holds stays selectable even when it is not eligible (the field error then says why).
    keep(containerChoices, form.container, () => {
      const c = findContainerByName(snapshot, form.container);
      return c ? containerChoice(c) : undefined;
    });
    keep(networkChoices, form.network, () => {
      const n = snapshot.networks.find((x) => x.name === form.network);
      return n ? networkChoice(n) : undefined;
    });
    return { containers: containerChoices, networks: networkChoices, attached, capabilities: endpointCapabilities(snapshot.api) };
  },
  fallbackOptions: (form) => ({
    containers: form.container ? [{ value: form.container, label: form.container }] : [],
    networks: form.network ? [{ value: form.network, label: form.network }] : [],
    attached: {},
    capabilities: endpointCapabilities(undefined),
  }),
  validate: validateConnect,
  argv: connectArgv,
  async submit(engine, form) {
    await connectContainer(engine, form.network.trim(), toConnectRequest(form));
    const ip = [form.ipv4Address.trim(), form.ipv6Address.trim()].filter(Boolean).join(', ');
    return ip
      ? vscode.l10n.t('Connected {0} to {1} at {2}.', form.container.trim(), form.network.trim(), ip)
      : vscode.l10n.t('Connected {0} to {1}.', form.container.trim(), form.network.trim());
  },
  daemonContext: (form) => ({ network: form.network.trim(), container: form.container.trim(), ...endpointErrorContext(form) }),
  suggest: suggestEndpointAddress,
};

const runSpec: FormSpec<'run'> = {
  kind: 'run',
  title: vscode.l10n.t('Run Container'),
  action: vscode.l10n.t('Run'),
  async options(env, form) {
    const [snapshot, images] = await Promise.all([env.snapshot(), env.images()]);
    const imageChoices: Choice[] = [];
    for (const i of images) {
      const size = `${(i.size / 1e6).toFixed(1)} MB`;
      if (i.tags.length === 0) imageChoices.push({ value: shortId(i.id.replace(/^sha256:/, '')), label: `<none> ${shortId(i.id.replace(/^sha256:/, ''))}`, detail: size });
      for (const t of i.tags) imageChoices.push({ value: t, label: t, detail: size });
    }
    keep(imageChoices, form.image, () => ({ value: form.image, label: form.image }));
    const networks = runNetworkChoices(snapshot);
    keep(networks, form.network, () => ({ value: form.network, label: form.network }));
    return { images: imageChoices, networks, capabilities: endpointCapabilities(snapshot.api) };
  },
  fallbackOptions: (form) => ({
    images: form.image ? [{ value: form.image, label: form.image }] : [],
    networks: [{ value: '', label: vscode.l10n.t('default (bridge)') }, ...(form.network ? [{ value: form.network, label: form.network }] : [])],
    capabilities: endpointCapabilities(undefined),
  }),
  validate: validateRun,
  argv: runArgv,
  async submit(engine, form) {
    const { name, body } = toRunRequest(form);
    const id = await runContainer(engine, name === undefined ? body : { ...body, name });
    const network = form.network.trim() || 'bridge';
    const started = vscode.l10n.t('Started {0} on {1}.', name ?? shortId(id), network);
    if (!form.publishAll) return started;
    // The container runs whatever this read says; a failed read only loses the ports from the message.
    const ports = await startedPorts(engine, id).then((p) => publishAllWords(body.Image, p), () => vscode.l10n.t('Its host ports could not be read back: see Show Published Ports.'));
    return `${started} ${ports}`;
  },
  daemonContext: (form) => ({ network: form.network.trim() || 'bridge', container: form.name.trim(), ports: form.ports, ...endpointErrorContext(form) }),
  suggest: suggestEndpointAddress,
  async notes(env, form) {
    const image = form.image.trim();
    if (!form.publishAll || image === '') return [];
    const published = form.ports.filter((p) => p.containerPort.trim() !== '').map((p) => `${p.containerPort.trim()}/${normalizeProtocol(p.protocol)}`);
    // an image the engine cannot be asked about now gets no remark: the check is a courtesy, not a gate
    const note = publishAllNote(image, await env.exposedPorts(image).catch(() => undefined), published);
    return note ? [{ field: 'publishAll', message: note }] : [];
  },
};

function keep(choices: Choice[], value: string, make: () => Choice | undefined): void {
  if (value.trim() === '' || choices.some((c) => c.value === value)) return;
  const c = make();
  if (c) choices.unshift(c);
}

export const FORM_SPECS: { [K in FormKind]: FormSpec<K> } = {
  createNetwork: createNetworkSpec,
  connect: connectSpec,
  run: runSpec,
};
