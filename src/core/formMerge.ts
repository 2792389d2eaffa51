// A form opened again while the user is filling it in (Run from another network node, Create Network Like another
// network): what the new prefill says goes into the form as it is now, and what the user typed stays. Only when the
// prefill would overwrite something the user typed is the user asked first.

export interface Merge<F> {
  /** The form as it is now, with the fields the prefill sets taken from it. */
  form: F;
  /** Fields the user changed that the prefill would set to something else (ask before replacing them). */
  conflicts: (keyof F & string)[];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * `empty`: the kind's empty form; `base`: what the host last put in the form (its previous prefill); `current`: the
 * form as the user has it now; `prefill`: the new one. A field the prefill leaves as in `empty` is not its to set.
 */
export function mergePrefill<F extends object>(empty: F, base: F, current: F, prefill: F): Merge<F> {
  const form = { ...current };
  const conflicts: (keyof F & string)[] = [];
  for (const key of Object.keys(prefill) as (keyof F & string)[]) {
    if (same(prefill[key], empty[key])) continue;
    const edited = !same(current[key], base[key]);
    if (edited && !same(current[key], prefill[key])) conflicts.push(key);
    form[key] = prefill[key];
  }
  return { form, conflicts };
}

/** Whether the user changed anything since the host last set the form. */
export function edited<F extends object>(base: F, current: F): boolean {
  return !same(base, current);
}
