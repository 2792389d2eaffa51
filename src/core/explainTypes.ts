// The shapes of Explain Reachability (./explainReach.ts): the steps of the decision, the verdict, and the fixes.
import type { PairBlock, ReachNode } from './reachTypes';

/** pass: this check lets traffic through. fail: it stops it. info: a fact that decides nothing by itself. */
export type StepStatus = 'pass' | 'fail' | 'info';

/** What a step checks, in the order the model decides. */
export type StepKind =
  | 'exists' | 'source-running' | 'target-running' | 'namespace' | 'mode'
  | 'shared-networks' | 'network' | 'isolation' | 'via-host' | 'published-ports';

export interface ExplainStep {
  /** Stable within one explanation (the webview keys on it): the kind, and the network id for a network step. */
  id: string;
  kind: StepKind;
  title: string;
  status: StepStatus;
  /** What the snapshot shows, one fact a line. */
  evidence: string[];
  /** The step's conclusion, in words. */
  result: string;
  networkId?: string;
}

/** What a fix's button does: the host runs the existing flow (a form prefilled, or the engine call after a confirmation). */
export type FixAction = 'connect' | 'start' | 'createNetwork';

export interface ExplainFix {
  /** "Connect test3 to my-net". */
  label: string;
  /** The exact commands, in order (argv arrays: shown quoted, never run by a shell). */
  commands: string[][];
  /** The same, each quoted for a POSIX shell, to read and copy (./cli.ts renderCommand). */
  shown: string[];
  /** Absent when no button can do it (a container must be recreated). */
  action?: { action: FixAction; containerId?: string; networkId?: string; networkName?: string };
  /** Why this fix, or what it costs. */
  note?: string;
}

/** Where Probe now aims: the target's address on one network. */
export interface ProbeAim {
  networkId: string;
  networkName: string;
  address: string;
}

export interface ReachExplanation {
  source: { id: string; name: string; state?: string };
  target: { id: string; name: string; state?: string };
  steps: ExplainStep[];
  /** The verdict the steps reach. */
  reachable: boolean;
  /** The first step that failed when the pair cannot talk (the reason that decided). */
  firstFailure?: StepKind;
  /** One sentence: "test1 can reach test2: via my-net" / "test1 cannot reach test2: they share no network". */
  verdict: string;
  /** Every way the model finds (its words), and every reason against. */
  ways: string[];
  blocked: PairBlock[];
  /** The steps' verdict is the model's (./reachability.ts reachBetween); false would be a bug, and is said. */
  agreesWithModel: boolean;
  fixes: ExplainFix[];
  /** Where a probe would aim, or why none can run. */
  probe: ProbeAim | { unavailable: string };
}

/** What the walk knows about one side of the pair. */
export interface Side {
  node: ReachNode;
  /** HostConfig.NetworkMode as the engine has it. */
  mode: string;
  /** The container whose namespace it uses (itself, or the end of its `container:` chain). */
  root: ReachNode;
}

/** Probe now's last run, set beside the explanation. */
export interface ExplainProbe {
  running: boolean;
  networkName: string;
  address: string;
  verdict?: 'reachable' | 'unreachable' | 'inconclusive';
  reason?: string;
  /** The command that decided, as an argv array in JSON. */
  command?: string;
  /** The probe beside the explanation's verdict at that address; agrees undefined: the probe could not tell. */
  agreement?: { agrees?: boolean; text: string };
  /** The probe could not run at all. */
  error?: string;
  at: string;
}

/** What the Explain Reachability panel shows. */
export interface ExplainReachState {
  engine: string;
  explanation: ReachExplanation;
  /** The containers the panel was opened for, by the names they had then (a removed one keeps its name here). */
  pair: { source: string; target: string };
  /** Said when a side of the pair is no longer on the engine. */
  gone: string[];
  probe?: ExplainProbe;
}
