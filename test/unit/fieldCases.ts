// Table-driven form checks shared by the validation suites: forms that pass, and bad inputs each reported on its
// field with a message that contains the expected words.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import type { FieldError } from '../../src/core/forms';
import type { NetworkView } from '../../src/core/model';

export interface FieldCase {
  name: string;
  run: () => FieldError[];
  field: string;
  message: string;
}

/** One test per form that must validate without a single error. */
export function itPasses(cases: ReadonlyArray<[string, () => FieldError[]]>): void {
  for (const [name, run] of cases) it(name, () => assert.deepEqual(run(), []));
}

/** One test per bad input: an error on `field` whose message contains `message`. */
export function itReportsOnField(cases: readonly FieldCase[]): void {
  for (const b of cases) {
    it(b.name, () => {
      const errors = b.run();
      const hit = errors.find((e) => e.field === b.field && e.message.includes(b.message));
      assert.ok(hit, `expected ${b.field} ~ "${b.message}", got ${JSON.stringify(errors, null, 1)}`);
    });
  }
}

/** A network as the Networks view would hold it: a local bridge with nothing set, plus `p`. */
export function networkView(p: Partial<NetworkView> & Pick<NetworkView, 'name'>): NetworkView {
  return {
    id: `${p.name}-id`.padEnd(64, '0'), driver: 'bridge', scope: 'local', builtin: false, internal: false, attachable: false,
    ingress: false, enableIPv4: true, enableIPv6: false, configOnly: false, ipamDriver: 'default', ipamOptions: {}, ipam: [],
    options: {}, labels: {}, attachments: [], ...p,
  };
}
